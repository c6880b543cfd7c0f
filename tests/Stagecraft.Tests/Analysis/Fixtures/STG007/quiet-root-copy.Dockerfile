FROM alpine:3.20 AS rootfs
RUN apk add --no-cache curl

FROM scratch
COPY --from=rootfs / /
CMD ["/usr/bin/curl"]
