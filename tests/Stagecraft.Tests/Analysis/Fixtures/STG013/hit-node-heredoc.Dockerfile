# syntax=docker/dockerfile:1
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}
WORKDIR /app
COPY . .
RUN <<EOF
npm ci
[|npm run build|]
EOF
CMD ["node", "dist/server.js"]
