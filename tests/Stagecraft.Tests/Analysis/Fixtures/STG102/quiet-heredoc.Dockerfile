FROM alpine:3.20
RUN <<EOF
run this
Copy that
EOF
CMD ["sh"]
