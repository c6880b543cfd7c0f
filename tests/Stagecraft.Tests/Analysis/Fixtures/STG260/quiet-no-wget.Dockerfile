FROM debian:bookworm-slim
RUN curl -fsSLO https://example.com/a && echo wget
