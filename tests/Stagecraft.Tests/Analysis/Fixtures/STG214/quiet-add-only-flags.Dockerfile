# syntax=docker/dockerfile:1
FROM debian:12-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a
ADD --keep-git-dir=true https://github.com/org/repo.git /src
ADD --unpack=true app.bin /opt/
