FROM node:20-slim AS app
COPY --from=[|build|] /src/dist /app
COPY --from=[|2|] /out /out
FROM node:20 AS build
RUN npm run build
FROM alpine:3.20
