FROM alpine:3.20
ARG DIR=app
WORKDIR [|$DIR|]
