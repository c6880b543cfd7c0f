FROM alpine:3.20 AS base
ONBUILD COPY --from=scratch / /
