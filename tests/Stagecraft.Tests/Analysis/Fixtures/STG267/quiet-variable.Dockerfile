FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL org.opencontainers.image.licenses=$VALUE
LABEL org.opencontainers.image.licenses="${DEFAULTED}"
LABEL org.opencontainers.image.licenses=""
