FROM alpine:3.20
LABEL build-host=ci-7
