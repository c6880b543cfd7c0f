ARG VERSION=1.0
FROM alpine:3.20
RUN mkdir -p /app
# the marker tells the entrypoint we are ready
RUN touch /app/ready
ONBUILD RUN echo building
RUN echo "$VERSION" > /app/version
ENV A=1
RUN set -e && echo b && echo c
RUN apk add --no-cache curl && curl --version
