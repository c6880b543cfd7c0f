FROM node:22-slim
COPY package.json package-lock.json ./
COPY . /app
ADD https://example.com/archive.tar.gz /tmp/
COPY --from=node:22 /usr/local/bin/node /usr/local/bin/
