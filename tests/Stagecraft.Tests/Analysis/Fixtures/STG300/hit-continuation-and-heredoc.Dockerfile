# syntax=docker/dockerfile:1
FROM debian:12
ARG version=1.0
RUN apt-get update && \
    cd /opt && \
    echo "$version" [|$DEST|]
RUN <<EOF
set -e
echo "[|$undefined_name|]"
EOF
