FROM alpine:3.20 AS base
ONBUILD COPY --from=base /x /x
FROM base AS child
