FROM debian:12-slim
ARG ARCHIVE=rootfs.tar.gz
ARG SOURCE
ADD ${ARCHIVE} /
ADD $SOURCE /opt/
