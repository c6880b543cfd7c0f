FROM golang:1.22 AS build
LABEL stage=build
FROM alpine:3.20
LABEL org.opencontainers.image.source=https://github.com/example/app [|build-host|]=ci-7
LABEL [|"org.opencontainers.image.sorce"|]=https://github.com/example/app
