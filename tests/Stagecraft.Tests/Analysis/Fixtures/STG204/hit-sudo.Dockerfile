FROM debian:12-slim
USER app
RUN [|sudo|] apt-get update && [|sudo|] -E apt-get install -y --no-install-recommends curl
RUN <<EOF
set -e
if [ -f /etc/app.conf ]; then [|sudo|] chown app /etc/app.conf; fi
EOF
