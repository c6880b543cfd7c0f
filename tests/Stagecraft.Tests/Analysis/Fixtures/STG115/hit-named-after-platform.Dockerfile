FROM --platform=[|linux/amd64|] alpine:3.20 AS build_amd64
FROM --platform=[|linux/arm64|] alpine:3.20 AS build-arm64
FROM --platform=[|linux/amd64|] alpine:3.20 AS linux
FROM --platform=[|linux/x86_64|] alpine:3.20 AS BUILD-AMD64
