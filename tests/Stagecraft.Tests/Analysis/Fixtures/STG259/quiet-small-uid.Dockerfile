FROM debian:bookworm-slim
RUN useradd -u 10001 app && useradd worker
