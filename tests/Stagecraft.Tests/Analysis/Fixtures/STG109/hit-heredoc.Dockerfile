FROM alpine:3.20
COPY <<EOF /entrypoint.sh
#!/bin/sh
exec "[|$@|]"
EOF
COPY <<'EOF' /quoted.sh
exec "$@"
EOF
RUN <<EOF
echo "$1 is the shell's"
EOF
