FROM node:20-slim
WORKDIR /app
WORKDIR "/srv/data"
ARG DIR=/opt/tool
WORKDIR $DIR
ENV HOME=/home/node
WORKDIR ${HOME}/project
