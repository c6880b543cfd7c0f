FROM node:20-slim AS source
WORKDIR /src
COPY . .
RUN npm install -g pm2 && pip install awscli && go install golang.org/x/tools/cmd/goimports@latest && yarn --version

FROM node:20-slim
WORKDIR /app
COPY --from=source /src/package.json /src/package-lock.json ./
RUN npm ci
