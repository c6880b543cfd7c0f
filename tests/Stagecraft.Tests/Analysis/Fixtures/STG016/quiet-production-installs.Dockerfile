FROM node:22-slim
ARG NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm install --production=true express
RUN yarn install --production && pnpm install --prod
RUN NODE_ENV=production npm ci
RUN npm install -g pm2
CMD ["node", "server.js"]
