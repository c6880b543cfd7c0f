FROM alpine:3.20
ONBUILD RUN echo --platform=linux/amd64
