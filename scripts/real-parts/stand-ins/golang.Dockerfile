# Stand-in for the official golang:1.19 images (Docker Hub is out of reach): Debian bookworm's Go 1.19 on the local
# Debian base, laid out like the upstream image where a Dockerfile can tell: the toolchain at /usr/local/go, GOPATH
# /go (so the module cache is /go/pkg/mod, where generated cache mounts point), CA certificates in
# /etc/ssl/certs. Upstream also has gcc and git; Debian's Go only recommends them and they are left out (cgo-free
# builds need neither). Tagged golang:1.19 and golang:1.19.x-bookworm by scripts/real-parts/stand-in-bases.sh.
# extra-ca/ holds the build machine's own CA certificates (see node.Dockerfile).
# The packages come at whatever version Debian bookworm has: a stand-in follows the archive, unpinned.
# stagecraft global ignore=STG205
FROM local/debian:bookworm
ENV GOPATH=/go \
    PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
COPY apt-clean.conf /etc/apt/apt.conf.d/docker-clean
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN apt-get update \
    && apt-get install -y --no-install-recommends golang-go ca-certificates \
    && update-ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s "$(dirname "$(dirname "$(readlink -f /usr/bin/go)")")" /usr/local/go \
    && mkdir -p /go/src /go/bin \
    && chmod -R 1777 /go
WORKDIR /go
