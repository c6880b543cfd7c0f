FROM fedora:40
RUN dnf install -y httpd && dnf clean all
RUN dnf -y group install "Development Tools"
RUN dnf install --assumeyes gcc
RUN yes | dnf install curl
