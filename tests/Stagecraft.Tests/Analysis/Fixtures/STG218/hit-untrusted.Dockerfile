FROM [|node:20-slim|] AS build
FROM [|ghcr.io/org/base:1.0|]
COPY --from=[|quay.io/prometheus/busybox:latest|] /bin/busybox /busybox
COPY --from=build /app /app
RUN --mount=type=bind,from=[|docker.io/library/alpine:3.20|],target=/mnt ls /mnt
