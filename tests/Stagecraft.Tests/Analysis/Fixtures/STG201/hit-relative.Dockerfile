FROM node:20-slim
WORKDIR [|app|]
ARG SUB=src
WORKDIR [|$SUB|]
WORKDIR [|./lib|]
ONBUILD WORKDIR [|build|]
