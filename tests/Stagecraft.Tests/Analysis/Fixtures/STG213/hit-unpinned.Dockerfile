FROM alpine:3.20
RUN apk add --no-cache [|curl git|]
RUN apk add --no-cache --virtual .build-deps [|gcc musl-dev|] && apk del .build-deps
RUN <<EOF
set -e
apk add -t .runtime [|tzdata|]
EOF
ONBUILD RUN apk add --no-cache [|bash|]
