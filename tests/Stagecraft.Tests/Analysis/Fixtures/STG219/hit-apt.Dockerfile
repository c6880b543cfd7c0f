FROM debian:12-slim
RUN [|apt|] update && [|apt|] install -y --no-install-recommends curl
RUN <<EOF
set -e
sudo [|/usr/bin/apt|] full-upgrade -y
EOF
