FROM alpine:3.20
RUN <<EOF
ENV not an instruction
EOF
