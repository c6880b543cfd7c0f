FROM node:20 AS base
RUN npm --version
FROM base AS build
ARG DEST=lib
COPY . [|app/|]
COPY tool [|$DEST|]
