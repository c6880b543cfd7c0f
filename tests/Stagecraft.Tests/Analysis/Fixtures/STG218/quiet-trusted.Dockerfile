FROM registry.example.com/mirror/node:20-slim AS build
FROM eu.gcr.io/project/base:1.0
FROM gcr.io/distroless/static-debian12
FROM scratch
COPY --from=build /app /app
COPY --from=registry-mirror.internal:5000/tools:1 /bin/tool /tool
ARG UNSET
FROM ${UNSET}/image:1
