FROM alpine:3.20
ONBUILD RUN [|vim|] /etc/hosts
RUN [|ssh|] build@example.com true
