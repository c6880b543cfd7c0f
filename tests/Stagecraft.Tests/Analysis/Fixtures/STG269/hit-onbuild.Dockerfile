FROM alpine:3.20
ONBUILD LABEL org.opencontainers.image.version=[|1.2.3-|]
