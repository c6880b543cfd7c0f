FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL org.opencontainers.image.version=$VALUE
LABEL org.opencontainers.image.version="${DEFAULTED}"
LABEL org.opencontainers.image.version=""
