FROM node:22-slim
ARG EXTRA_PACKAGES=gcc
RUN apt-get update && apt-get install -y --no-install-recommends $EXTRA_PACKAGES libpq5 curl \
 && rm -rf /var/lib/apt/lists/*
