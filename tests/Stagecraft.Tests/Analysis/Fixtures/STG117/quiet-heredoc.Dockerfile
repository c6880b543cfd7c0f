FROM alpine:3.20
COPY <<EOF /etc/services.conf
EXPOSE 80/TCP
EOF
