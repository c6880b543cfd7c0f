FROM debian:bookworm-slim
RUN <<EOF
[|sudo useradd --uid 99999999 svc|]
EOF
ONBUILD RUN [|useradd -u 654321 child|]
