FROM scratch AS export
COPY app app
FROM node:20
ONBUILD COPY . .
