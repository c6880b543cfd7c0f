ARG PLATFORM=linux/arm64
FROM --platform=$PLATFORM alpine:3.20
