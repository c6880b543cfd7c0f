FROM node:20
ONBUILD COPY . /app
ONBUILD RUN npm install
