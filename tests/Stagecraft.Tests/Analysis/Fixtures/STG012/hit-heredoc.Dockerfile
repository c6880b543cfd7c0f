# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends [|make|] ca-certificates
rm -rf /var/lib/apt/lists/*
EOF
