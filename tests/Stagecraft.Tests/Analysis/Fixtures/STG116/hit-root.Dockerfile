FROM node:22-slim
COPY [|.|] /app
