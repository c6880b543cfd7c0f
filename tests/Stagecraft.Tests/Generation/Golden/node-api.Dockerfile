# syntax=docker/dockerfile:1
# Written by `stagecraft init` for a Node.js 24.11.0 app (npm, express, build to dist/, port 3000).
# Build: docker build .   Run the tests: add --target test

# base is the Node.js image every stage starts from
FROM node:24.11.0-bookworm-slim AS base
WORKDIR /app

# deps installs every dependency, for the build and the tests
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# build compiles the application
FROM deps AS build
COPY . .
RUN npm run build

# test runs the tests: docker build --target test .
FROM build AS test
RUN npm test

# prod-deps installs the production dependencies only
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# runtime is the image that runs the application
FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["node", "-e", "require('http').get('http://127.0.0.1:3000/health', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"]
CMD ["node", "dist/server.js"]
