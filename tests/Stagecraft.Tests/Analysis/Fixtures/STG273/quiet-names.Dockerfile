FROM alpine:3.20 AS build
FROM alpine:3.20 AS scratchpad
FROM scratch
COPY --from=build /etc/os-release /
