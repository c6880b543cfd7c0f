FROM tonistiigi/xx:1.5.0 AS xx
FROM alpine:3.20
COPY --from=xx / /
COPY --from=docker/buildx-bin:0.16 / /usr/libexec/docker/cli-plugins
