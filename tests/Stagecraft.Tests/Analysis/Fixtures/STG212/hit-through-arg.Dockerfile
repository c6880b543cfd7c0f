FROM node:20-slim
ARG TOOLS="nodemon eslint@9.0.0"
RUN npm install -g [|$TOOLS|] && npm install [|expressjs/express|]
