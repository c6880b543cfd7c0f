FROM debian:12-slim
RUN apt update && apt install -y [|curl|] && rm -rf /var/lib/apt/lists/*
