# expect-runtime: node:14-slim
FROM node:14 AS build
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/web
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --production

FROM node:14-slim
WORKDIR /srv/web
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /srv/web /srv/web
HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1
CMD ["npm", "start"]
