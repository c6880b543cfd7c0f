FROM alpine:3.20 AS build
LABEL [|org.opencontainers.image.source=""|]
FROM alpine:3.20
