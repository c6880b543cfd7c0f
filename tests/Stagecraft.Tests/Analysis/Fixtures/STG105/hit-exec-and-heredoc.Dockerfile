FROM alpine:3.20
RUN <<EOF
echo CMD node server.js
EOF
CMD [|exec node /app/server.js|]
