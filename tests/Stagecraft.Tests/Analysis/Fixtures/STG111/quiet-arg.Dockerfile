FROM alpine:3.20
ARG first second
ARG third=3
