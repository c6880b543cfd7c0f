FROM debian:bookworm-slim
RUN apt-get install -y --no-install-recommends ./local.deb
RUN rm -rf /var/lib/apt/lists/*
