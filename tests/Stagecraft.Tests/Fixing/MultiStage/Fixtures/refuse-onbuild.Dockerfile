# expect-refusal: ONBUILD
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci && npm run build
ONBUILD COPY . /app/extra
CMD ["node", "dist/index.js"]
