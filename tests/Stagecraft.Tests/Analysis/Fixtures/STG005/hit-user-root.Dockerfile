FROM node:20-slim
USER node
RUN npm ci
USER [|root|]
CMD ["node", "server.js"]
