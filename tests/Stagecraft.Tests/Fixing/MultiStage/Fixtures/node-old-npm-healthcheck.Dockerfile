# expect-runtime: node:14-slim
FROM node:14
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/web
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1
CMD ["npm", "start"]
