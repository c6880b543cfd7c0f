FROM node:20
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
