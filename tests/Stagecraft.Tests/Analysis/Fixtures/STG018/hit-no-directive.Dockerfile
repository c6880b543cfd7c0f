FROM node:22-slim
WORKDIR /app
COPY [|--parents|] packages/*/package.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
