FROM debian:bookworm-slim
RUN wget -O /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb && rm /tmp/x.deb
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
