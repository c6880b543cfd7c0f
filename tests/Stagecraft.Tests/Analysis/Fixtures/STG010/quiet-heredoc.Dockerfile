# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
mkdir -p /app
EOF
RUN chown nobody /app
