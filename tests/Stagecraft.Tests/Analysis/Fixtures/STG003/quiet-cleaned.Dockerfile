# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y git && apt-get clean && rm -rf /var/lib/apt/lists
RUN <<EOF
apt-get update
apt-get install -y make
find /var/lib/apt/lists -type f -delete
EOF
RUN apk add --no-cache curl
RUN pip install --no-cache-dir requests && PIP_NO_CACHE_DIR=1 pip install flask
RUN yum install -y nodejs && yum clean all
RUN dnf install -y jq && rm -rf /var/cache/dnf
RUN zypper -n in git && zypper clean --all
RUN npm ci && npm cache clean --force
RUN yarn install && yarn cache clean
RUN gem install --no-document bundler
RUN npm install -g npm@10 && rm -rf ~/.npm
