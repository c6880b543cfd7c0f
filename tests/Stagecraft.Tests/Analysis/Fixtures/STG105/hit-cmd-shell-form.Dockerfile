FROM node:22-slim
COPY . /app
CMD [|node /app/server.js|]
