FROM alpine:3.20
ONBUILD RUN echo --platform=linux/amd64
ARG PLATFORM=linux/amd64
RUN echo "$PLATFORM"
