ARG TAG=3.20
FROM --platform=[|x86_64|] alpine:${TAG} AS tools
