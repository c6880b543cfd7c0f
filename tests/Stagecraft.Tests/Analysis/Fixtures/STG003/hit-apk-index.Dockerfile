FROM alpine:3.20
RUN [|apk update|] && apk add --no-cache curl
RUN [|apk update|] && apk add git
RUN [|apk -X https://dl-cdn.alpinelinux.org/alpine/edge/main add jq|]
