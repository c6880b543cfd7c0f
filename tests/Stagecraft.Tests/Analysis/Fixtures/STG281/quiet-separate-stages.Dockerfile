FROM alpine:3.20 AS base
ENTRYPOINT ["/base"]
FROM base
ENTRYPOINT ["/app"]
