ARG PORT=3000
FROM node:22-slim AS base
[|EXPOSE ${PORT}|]
ONBUILD HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1

FROM base
CMD ["node", "server.js"]
