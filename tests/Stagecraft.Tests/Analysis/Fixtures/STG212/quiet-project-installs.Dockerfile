FROM node:20-slim
WORKDIR /app
COPY package*.json ./
RUN npm install && npm ci && npm install --omit=dev && npm i --production
