FROM node:20-slim
[|ADD|] package.json package-lock.json /app/
[|add|] --chown=node:node src/ /app/src/
ONBUILD [|ADD|] . /app
