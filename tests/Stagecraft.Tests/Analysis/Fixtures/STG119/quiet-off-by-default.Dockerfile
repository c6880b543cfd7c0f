# the version to install
ARG VERSION=1.4.2
