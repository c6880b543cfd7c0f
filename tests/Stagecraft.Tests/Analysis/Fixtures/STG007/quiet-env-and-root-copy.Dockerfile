FROM alpine:3.20 AS rootfs
RUN apk add --no-cache curl

FROM scratch AS a
COPY --from=rootfs / /
CMD ["/usr/bin/curl"]

FROM scratch
ENV SSL_CERT_FILE=/certs/bundle
COPY app /app
ENTRYPOINT ["/app"]
