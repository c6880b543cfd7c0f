FROM node:20-slim
COPY . /app
RUN [|cd /app|] && npm ci
RUN <<EOF
set -e
[|cd /srv/site|]
make
EOF
ONBUILD RUN [|cd /app|] && npm run build
