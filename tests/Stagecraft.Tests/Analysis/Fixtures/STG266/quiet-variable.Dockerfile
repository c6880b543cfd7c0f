FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL org.opencontainers.image.created=$VALUE
LABEL org.opencontainers.image.created="${DEFAULTED}"
LABEL org.opencontainers.image.created=""
