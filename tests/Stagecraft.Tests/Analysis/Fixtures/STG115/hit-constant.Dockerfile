FROM --platform=[|linux/amd64|] alpine:3.20 AS base
FROM --platform=[|linux/arm64/v8|] debian:12
