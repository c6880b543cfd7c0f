FROM debian:12 AS fetch
FROM golang:1.22 AS build
FROM alpine:3.20 AS final
