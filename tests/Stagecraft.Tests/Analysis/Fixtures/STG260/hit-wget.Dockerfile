FROM debian:bookworm-slim
RUN [|wget https://example.com/a.tgz|]
RUN [|wget -O /tmp/b.tgz https://example.com/b.tgz|] && tar -xzf /tmp/b.tgz
