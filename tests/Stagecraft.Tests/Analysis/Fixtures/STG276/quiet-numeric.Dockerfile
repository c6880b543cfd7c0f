FROM node:20
USER node
USER 1000:node
