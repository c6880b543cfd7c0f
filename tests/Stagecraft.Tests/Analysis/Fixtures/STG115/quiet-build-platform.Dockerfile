FROM --platform=$BUILDPLATFORM golang:1.22 AS build
FROM --platform=${TARGETPLATFORM} alpine:3.20 AS target
FROM --platform=$TARGETOS/$TARGETARCH debian:12-slim AS parts
FROM --platform="${BUILDPLATFORM:-linux/amd64}" node:20-slim AS node
