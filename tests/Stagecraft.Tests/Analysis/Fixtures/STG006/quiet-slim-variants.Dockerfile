FROM node:20 AS build
RUN npm ci && npm run build

FROM node:20-slim AS base

FROM base
COPY --from=build /app/dist /app
CMD ["node", "/app/server.js"]
