FROM debian:12-slim
ARG CURL_VERSION=7.88.1-10+deb12u8
ARG PINNED="git=1:2.39.5-0+deb12u1 make=4.3-4.1"
ARG EXTRA
RUN apt-get install -y curl=${CURL_VERSION} $PINNED $EXTRA $(cat /tmp/packages.txt)
