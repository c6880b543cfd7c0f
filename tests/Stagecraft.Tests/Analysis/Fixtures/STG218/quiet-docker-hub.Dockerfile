FROM node:20-slim
FROM docker.io/library/alpine:3.20
COPY --from=busybox:1.36 /bin/busybox /busybox
