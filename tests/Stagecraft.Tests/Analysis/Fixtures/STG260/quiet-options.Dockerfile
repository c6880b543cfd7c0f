FROM debian:bookworm-slim
RUN wget -q https://example.com/a
RUN wget -qO- https://example.com/b > /b
RUN wget -nv https://example.com/c
RUN wget --no-verbose https://example.com/d
RUN wget --progress=dot:giga https://example.com/e
RUN wget -o /tmp/log https://example.com/f
RUN wget --quiet https://example.com/g
