FROM python:3.12-slim
RUN cd /tmp && curl -fsSLO https://example.com/tool.tar.gz && tar -xzf tool.tar.gz
RUN dir="$(mktemp -d)"; cd "$dir"; curl -fsSLO https://example.com/x.tgz
RUN cd "$(mktemp -d)" && make
RUN mkdir -p /usr/src/python && cd /usr/src/python && ./configure && make install \
    && cd / && rm -rf /usr/src/python
RUN cd /usr/src/app/build && cmake .. && rm -rf /usr/src/app
