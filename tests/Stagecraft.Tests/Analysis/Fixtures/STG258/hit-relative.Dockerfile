FROM node:20-slim
COPY package.json [|.|]
COPY src [|./src|]
WORKDIR /app
COPY . .
