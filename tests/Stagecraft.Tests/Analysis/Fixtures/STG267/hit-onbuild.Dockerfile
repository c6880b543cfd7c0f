FROM alpine:3.20
ONBUILD LABEL org.opencontainers.image.licenses=[|BSD|]
