# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt
RUN --mount=type=tmpfs,target=/tmp wget -O /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb
RUN rm -f /tmp/x.deb
