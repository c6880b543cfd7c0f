# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN curl -fsSL -o /opt/installer.sh https://example.com/install.sh
RUN <<EOF
set -e
sh /opt/installer.sh
[|rm -f /opt/installer.sh|]
EOF
