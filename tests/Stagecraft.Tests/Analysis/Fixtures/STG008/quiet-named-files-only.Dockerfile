FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY src ./src
