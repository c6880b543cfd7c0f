# expect-runtime: debian:bookworm-slim
FROM golang:1.22-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/store .

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/store /usr/local/bin/store
CMD ["store"]
