FROM alpine:3.20
ONBUILD LABEL org.opencontainers.image.revision=[|v1.2.3|]
