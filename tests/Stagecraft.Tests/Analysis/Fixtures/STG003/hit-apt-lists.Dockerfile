# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN [|apt-get update|] && apt-get install -y --no-install-recommends curl
RUN <<EOF
set -e
[|apt-get update|]
apt-get install -y --no-install-recommends git
EOF
RUN --mount=type=cache,target=/var/cache/apt [|sudo apt-get update|] && sudo apt-get install -y make
