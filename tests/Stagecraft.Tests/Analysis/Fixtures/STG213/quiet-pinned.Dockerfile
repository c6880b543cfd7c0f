FROM alpine:3.20
COPY pkgs/ /pkgs/
RUN apk add --no-cache curl=8.9.1-r0 git~2.45 'openssl>3.3' 'zlib<2' \
    && apk add --no-cache --allow-untrusted /pkgs/tool-1.0-r0.apk \
    && apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing hub=2.14.2-r0
