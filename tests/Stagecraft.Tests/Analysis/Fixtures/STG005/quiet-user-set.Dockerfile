FROM node:20-slim AS base
USER node

FROM base
ONBUILD USER root
COPY --chown=node:node . /app
CMD ["node", "/app/server.js"]
