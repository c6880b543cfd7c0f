FROM alpine:3.20 AS base
LABEL org.opencontainers.image.source=https://github.com/example/app maintainer=team@example.com
FROM base
ARG VERSION
LABEL "org.opencontainers.image.version"=$VERSION
