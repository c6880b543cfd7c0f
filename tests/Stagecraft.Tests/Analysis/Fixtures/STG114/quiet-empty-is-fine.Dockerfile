ARG VARIANT
ARG TAG
FROM busybox:stable${VARIANT}
FROM alpine:${TAG:-3.20}
