FROM debian:12-slim
ADD https://example.com/tool /usr/local/bin/tool
ADD rootfs.tar.xz /
ADD vendor/lib.tgz dist.tar.gz /opt/
ADD git@github.com:org/repo.git /src/repo
ADD https://github.com/org/repo.git#v1.0 /src/other
