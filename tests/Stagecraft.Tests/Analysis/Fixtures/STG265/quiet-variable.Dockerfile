FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL org.opencontainers.image.source=$VALUE
LABEL org.opencontainers.image.source="${DEFAULTED}"
LABEL org.opencontainers.image.source=""
