FROM debian:bookworm-slim
RUN useradd -l -u 1000000 app
RUN useradd --no-log-init --uid 123456 worker
