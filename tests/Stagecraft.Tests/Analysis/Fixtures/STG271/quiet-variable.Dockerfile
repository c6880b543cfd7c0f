FROM alpine:3.20
ARG VALUE
ARG DEFAULTED=anything
LABEL maintainer=$VALUE
LABEL maintainer="${DEFAULTED}"
LABEL maintainer=""
