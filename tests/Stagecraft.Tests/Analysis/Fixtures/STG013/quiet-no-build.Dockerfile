FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm test && make clean
COPY . .
CMD ["npm", "start"]
