ARG TARGETARCH
FROM alpine:3.20 AS build_amd64
FROM alpine:3.20 AS build_arm64
FROM build_${TARGETARCH} AS build
