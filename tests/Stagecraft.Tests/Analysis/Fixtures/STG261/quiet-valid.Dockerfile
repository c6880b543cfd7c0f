FROM alpine:3.20
LABEL org.opencontainers.image.source=https://example.com maintainer=me com.example.my_key/sub=z version=1.0
