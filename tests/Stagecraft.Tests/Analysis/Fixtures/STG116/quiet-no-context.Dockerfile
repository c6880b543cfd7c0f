FROM node:22-slim
COPY node_modules /app/node_modules
