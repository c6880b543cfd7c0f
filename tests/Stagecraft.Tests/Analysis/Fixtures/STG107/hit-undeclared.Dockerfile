FROM node:[|${NODE_VERSION}|]-alpine
RUN node --version
FROM --platform=[|$BULIDPLATFORM|] golang:1.22
