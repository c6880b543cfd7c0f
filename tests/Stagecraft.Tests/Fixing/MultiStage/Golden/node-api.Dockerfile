FROM node:18 AS build

# curl and vim are handy when debugging inside the container
RUN apt-get update
RUN apt-get install -y curl vim

WORKDIR /usr/src/app

# copy the app and install everything
COPY . .
RUN npm install
RUN npm run build
RUN npm prune --omit=dev

FROM node:18-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app /usr/src/app
MAINTAINER Jane Doe <jane.doe@example.com>
ENV NODE_ENV production
EXPOSE 3000
CMD npm start
