# syntax=docker/dockerfile:1
FROM alpine:3.20 AS build
[|ADD . /src|]
RUN <<EOF
apk add --no-cache gcc musl-dev make
make -C /src
EOF

FROM fedora:40
[|COPY --chown=app:app ./ /srv/|]
RUN sudo dnf install -y nginx && dnf clean all
