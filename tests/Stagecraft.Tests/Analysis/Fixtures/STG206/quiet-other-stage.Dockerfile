FROM alpine:3.20 AS one
COPY data.tar /tmp/
FROM alpine:3.20
RUN tar -xf /tmp/data.tar -C /srv
