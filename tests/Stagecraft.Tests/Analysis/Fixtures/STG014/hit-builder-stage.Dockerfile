FROM node:22 AS build
RUN apt-get update && [|apt-get install -y --no-install-recommends python3|]
WORKDIR /app
COPY package.json package-lock.json ./
RUN [|npm ci|]
RUN --mount=type=cache,target=/root/.cache/pip [|yarn install --frozen-lockfile|]

FROM nginx:alpine
COPY --from=build /app/dist /usr/share/nginx/html
