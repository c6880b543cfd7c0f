FROM alpine:3.20
RUN apk add --no-cache wget
RUN <<EOF
[|wget -O /tmp/install.sh https://example.com/install.sh|]
sh /tmp/install.sh
EOF
ONBUILD RUN [|wget -c https://example.com/c.tgz|]
