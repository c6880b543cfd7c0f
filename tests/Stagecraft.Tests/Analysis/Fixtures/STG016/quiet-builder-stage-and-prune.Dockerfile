FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm run build && npm prune --omit=dev
COPY --from=build /app/dist ./dist
CMD ["node", "dist/main.js"]
