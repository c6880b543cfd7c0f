FROM alpine:3.20
COPY <<'EOF' /script.sh
echo "$HOME"
EOF
EXPOSE $PORT
