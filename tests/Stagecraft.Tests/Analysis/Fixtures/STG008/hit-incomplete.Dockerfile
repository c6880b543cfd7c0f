FROM node:20-slim AS build
WORKDIR /app
ADD [|./|] /app/
RUN npm ci

FROM node:20-slim
COPY . /app
