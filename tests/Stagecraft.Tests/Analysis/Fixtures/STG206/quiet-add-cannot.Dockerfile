FROM debian:12-slim
COPY app.tar.gz bundle.zip dump.sql.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz --strip-components=1 -C /opt \
    && unzip /tmp/bundle.zip -d /srv \
    && gunzip /tmp/dump.sql.gz
COPY part.tar.xz /tmp/
RUN tar -xJf /tmp/part.tar.xz -C /opt app/bin/tool && tar -tf /tmp/part.tar.xz
