FROM node:22-slim [|as|] build
RUN npm ci
from nginx:1.27 [|AS|] web
copy --from=build /app/dist /usr/share/nginx/html
