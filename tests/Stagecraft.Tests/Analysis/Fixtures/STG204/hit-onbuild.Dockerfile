FROM node:20-slim
ONBUILD RUN [|sudo|] npm install -g pm2@5.4.2
