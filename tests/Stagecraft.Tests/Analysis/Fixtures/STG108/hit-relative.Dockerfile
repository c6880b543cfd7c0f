FROM node:22-slim
WORKDIR [|app|]
WORKDIR src
FROM nginx:1.27 AS web
WORKDIR [|./usr/share/nginx/html|]
