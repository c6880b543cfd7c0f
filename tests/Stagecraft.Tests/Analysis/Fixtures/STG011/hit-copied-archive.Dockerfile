FROM debian:bookworm-slim
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
RUN [|rm /tmp/app.tar.gz|]
