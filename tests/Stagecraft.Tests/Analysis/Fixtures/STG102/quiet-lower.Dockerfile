from alpine:3.20
run echo hi
onbuild run echo child
cmd ["sh"]
