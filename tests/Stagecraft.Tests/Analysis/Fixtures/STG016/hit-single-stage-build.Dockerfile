FROM node:22-slim
WORKDIR /app
COPY package.json yarn.lock ./
RUN [|yarn install --frozen-lockfile|]
COPY . .
RUN yarn build
CMD ["node", "dist/main.js"]
