FROM [|node:20|]
RUN npm ci

FROM node:20-slim
RUN --mount=type=bind,from=[|0|],source=/node_modules,target=/tmp/nm cp -r /tmp/nm /app/node_modules
