FROM alpine:3.20
LABEL org.opencontainers.image.source=github.com/example/app
