FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY . .
RUN [|npm install|]
CMD ["node", "server.js"]
