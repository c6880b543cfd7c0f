ARG TOOLS_IMAGE=ghcr.io/org/tools:1.2
FROM alpine:3.20 AS base
FROM alpine:3.20
ARG STAGE=base
ARG UNSET
COPY --from=${STAGE} /etc/os-release /base-release
COPY --from=$UNSET /x /x
RUN --mount=from=cache-image,target=/cache ls /cache
