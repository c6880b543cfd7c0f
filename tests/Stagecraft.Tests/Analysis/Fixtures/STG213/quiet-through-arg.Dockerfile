FROM alpine:3.20
ARG CURL_VERSION=8.9.1-r0
ARG EXTRA_PACKAGES
RUN apk add --no-cache "curl=${CURL_VERSION}" $EXTRA_PACKAGES && apk update && apk upgrade
