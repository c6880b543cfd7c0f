# syntax=docker/dockerfile:1
FROM node:22-slim
COPY --parents --exclude=*.md packages/ ./
RUN --mount=type=cache,target=/root/.npm --network=none npm ci
RUN <<EOF
echo done
EOF
