FROM debian:bookworm-slim
RUN curl -fsSLO https://example.com/a && echo wget
RUN wget -O go.tgz.asc "$url.asc" && wget https://nodejs.org/dist/v20.0.0/SHASUMS256.txt
