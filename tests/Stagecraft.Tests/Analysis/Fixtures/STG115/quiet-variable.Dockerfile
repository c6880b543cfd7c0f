FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG PLATFORM=linux/amd64
FROM --platform=${TARGETPLATFORM} alpine:3.20
