# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN cat <<CONF > /etc/app.conf && chmod 0644 /etc/app.conf
listen=[|$listen_port|]
CONF
RUN for f in [|$(ls /etc/*.conf)|]; do cp "$f" /tmp; done
