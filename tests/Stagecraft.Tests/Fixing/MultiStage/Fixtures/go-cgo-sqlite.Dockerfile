# expect-runtime: debian:bookworm-slim
FROM golang:1.22-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/store .
CMD ["store"]
