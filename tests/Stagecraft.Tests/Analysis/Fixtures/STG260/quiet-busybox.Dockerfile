FROM alpine:3.20 AS fetch
RUN wget -O /tmp/tool.tgz https://example.com/tool.tgz
FROM busybox:1.36
ONBUILD RUN wget https://example.com/c.tgz
