FROM alpine:3.20 AS fetch
RUN wget -O /dist.tar.gz https://example.com/dist.tar.gz
FROM alpine:3.20
COPY --from=fetch /dist.tar.gz /tmp/
RUN tar -xzf /tmp/dist.tar.gz -C /opt
