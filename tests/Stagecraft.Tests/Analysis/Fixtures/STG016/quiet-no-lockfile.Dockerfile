FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
RUN npm install
ONBUILD RUN npm install
CMD ["node", "server.js"]
