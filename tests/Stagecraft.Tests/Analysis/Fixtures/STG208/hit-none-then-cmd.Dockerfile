FROM node:20-slim AS base
HEALTHCHECK NONE
FROM base
HEALTHCHECK NONE
[|HEALTHCHECK CMD ["node", "healthcheck.js"]|]
[|HEALTHCHECK \
    --timeout=3s CMD ["node", "healthcheck.js"]|]
