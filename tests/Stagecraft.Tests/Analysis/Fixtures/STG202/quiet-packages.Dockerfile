FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends vim openssh-client procps \
    && command -v ssh && which top && echo "free"
RUN ["ps", "aux"]
