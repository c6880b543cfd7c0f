FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y wget curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b
