# syntax=docker/dockerfile:1
FROM debian:12
ARG version=1.0
ENV app_home=/opt/app
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -n "$version" ]] && mkdir -p "$app_home" && echo "$http_proxy"
RUN <<EOF
set -e
cd "$app_home" || exit 1
EOF
