FROM node:20
USER root
RUN npm ci
USER [|node:node|]
