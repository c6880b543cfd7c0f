FROM alpine:3.20 AS base
ARG TAG=3.20
FROM alpine:[|$TAG|]
FROM alpine:[|${TAG:-3.19}|]
