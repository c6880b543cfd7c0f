FROM alpine:3.20
ARG VERSION
LABEL org.opencontainers.image.version=$VERSION maintainer=team@example.com
