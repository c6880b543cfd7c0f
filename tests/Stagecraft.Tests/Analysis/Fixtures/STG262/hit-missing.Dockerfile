FROM golang:1.22 AS build
LABEL org.opencontainers.image.version=1.0.0
FROM alpine:3.20 AS app
LABEL org.opencontainers.image.source=https://github.com/example/app
[|[|FROM app|]|]
