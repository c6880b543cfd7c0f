FROM alpine:3.20 AS a
RUN wget -q https://example.com/a
FROM debian:bookworm-slim
RUN curl -fsSLO https://example.com/b
