FROM node:20-slim
WORKDIR /usr/src/app
ONBUILD COPY . /usr/src/app
ONBUILD RUN [|npm install|]
CMD ["npm", "start"]
