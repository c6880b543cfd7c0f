FROM alpine:3.20 AS base
WORKDIR /app
FROM base AS child
WORKDIR subdir
