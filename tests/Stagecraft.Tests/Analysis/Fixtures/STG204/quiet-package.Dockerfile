FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo gosu \
    && echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app && command -v sudo
