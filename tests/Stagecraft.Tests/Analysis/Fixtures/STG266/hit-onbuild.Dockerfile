FROM alpine:3.20
ONBUILD LABEL org.opencontainers.image.created=[|05/01/2024|]
