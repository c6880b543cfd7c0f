FROM node:22 AS unused
RUN npm ci

FROM node:22-slim
ONBUILD RUN npm ci
RUN yarn --version && npm --version && pip --version
RUN cargo build --offline --release
CMD ["node"]
