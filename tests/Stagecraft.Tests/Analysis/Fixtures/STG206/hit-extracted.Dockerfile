FROM debian:12-slim
COPY [|app.tar.gz|] /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
COPY [|vendor/tools.tgz|] README.md /tmp/
COPY build/out.bin [|/tmp/data.tar|]
RUN <<EOF
set -e
tar xf /tmp/data.tar -C /srv
tar --extract --file=/tmp/tools.tgz --directory /usr/local
EOF
