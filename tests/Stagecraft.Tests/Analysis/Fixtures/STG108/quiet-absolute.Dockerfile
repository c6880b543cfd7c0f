FROM node:22-slim
WORKDIR /app
WORKDIR src
ARG ROOT=/srv
FROM alpine:3.20
ARG ROOT=/srv
WORKDIR ${ROOT}/data
