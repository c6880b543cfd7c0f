FROM fedora:40
ARG GIT_VERSION
ARG HTTPD_VERSION=2.4.62
RUN dnf install -y git-${GIT_VERSION} httpd-${HTTPD_VERSION} nodejs-1:20.12.2-1.fc40
RUN dnf module install -y nodejs:20
