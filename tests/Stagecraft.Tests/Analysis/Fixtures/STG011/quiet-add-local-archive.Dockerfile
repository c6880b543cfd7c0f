FROM alpine:3.20
ADD app.tar.gz /opt/
RUN rm -rf /opt/app.tar.gz
ONBUILD COPY tool.tgz /tmp/
RUN rm -f /tmp/tool.tgz
