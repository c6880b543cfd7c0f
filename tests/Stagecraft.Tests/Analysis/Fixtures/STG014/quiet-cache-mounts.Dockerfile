# syntax=docker/dockerfile:1
FROM golang:1.23 AS build
ENV GOCACHE=/cache/go
RUN --mount=type=cache,target=/go/pkg/mod go mod download
RUN --mount=type=cache,target=/cache/go --mount=type=cache,target=/go/pkg/mod go build -o /app .

FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends ca-certificates
RUN --mount=type=cache,target=/root/.cache pip install flask
RUN --mount=type=cache,target=/root/.m2 mvn -B package
COPY --from=build /app /app
