FROM node:20-slim
RUN npm install -g [|typescript|]
RUN npm i [|express lodash@4.17.21 chalk|]
RUN <<EOF
set -e
npm add --save-dev [|@types/node|]
EOF
ONBUILD RUN npm install --loglevel warn [|pm2|]
