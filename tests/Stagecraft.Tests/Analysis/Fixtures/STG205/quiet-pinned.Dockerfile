FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 git=1:2.39.5-0+deb12u1 \
    && apt-get install -y -t bookworm-backports golang-go=2:1.22~3~bpo12+1 \
    && apt-get install -y ./vendor/tool_1.0_amd64.deb podman/bookworm-backports
