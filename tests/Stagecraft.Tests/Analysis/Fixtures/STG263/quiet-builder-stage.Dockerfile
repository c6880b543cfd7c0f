FROM alpine:3.20 AS build
LABEL stage=build
FROM scratch
COPY --from=build /etc/os-release /
