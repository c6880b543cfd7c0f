FROM alpine:3.20
LABEL org.opencontainers.image.licenses="Apache License 2.0"
