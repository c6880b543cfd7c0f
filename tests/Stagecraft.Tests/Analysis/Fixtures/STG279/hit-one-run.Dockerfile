FROM alpine:3.20 AS build
RUN wget -q https://example.com/a && [|sudo curl -fsSLO https://example.com/b|]
FROM alpine:3.20
RUN <<EOF
curl -fsSLO https://example.com/c
[|wget -q https://example.com/d|]
EOF
