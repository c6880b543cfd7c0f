FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL org.opencontainers.image.revision=$VALUE
LABEL org.opencontainers.image.revision="${DEFAULTED}"
LABEL org.opencontainers.image.revision=""
