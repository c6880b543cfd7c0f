FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* \
 && echo "deb http://example.com/debian stable main" > /etc/apt/sources.list.d/x.list \
 && [|apt-get update|] && apt-get install -y x
