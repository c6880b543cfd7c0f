FROM debian:bookworm-slim
RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz
RUN [|wget -q -O /tmp/b.tgz https://example.com/b.tgz|]
RUN wget -q https://example.com/c.tgz
