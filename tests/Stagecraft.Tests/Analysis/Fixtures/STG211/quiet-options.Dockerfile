FROM debian:12-slim
RUN apt-get install -y --no-install-recommends curl \
    && apt-get install -y -o APT::Install-Recommends=false git \
    && apt-get install -y --install-recommends texlive
