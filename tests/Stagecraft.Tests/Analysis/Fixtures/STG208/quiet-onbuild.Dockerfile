FROM node:20-slim
ONBUILD HEALTHCHECK CMD ["node", "check.js"]
HEALTHCHECK CMD ["node", "healthcheck.js"]
