FROM node:22-slim AS build
RUN npm ci
from nginx:1.27 as web
copy --from=build /app/dist /usr/share/nginx/html
