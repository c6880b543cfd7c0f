FROM opensuse/leap:15.6
ARG GIT_VERSION
RUN zypper -n install curl=8.6.0 'git>=2.43' /tmp/tool.rpm git=${GIT_VERSION}
