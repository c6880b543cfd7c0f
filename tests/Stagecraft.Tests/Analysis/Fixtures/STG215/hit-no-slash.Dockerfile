FROM node:20-slim
COPY package.json package-lock.json [|/app|]
COPY ["tsconfig.json", "babel.config.js", [|"/app/config"|]]
ARG DEST=/srv
COPY a.txt b.txt [|$DEST|]
ONBUILD COPY src lib [|/build|]
