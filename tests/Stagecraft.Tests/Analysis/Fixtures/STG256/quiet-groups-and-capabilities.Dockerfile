FROM fedora:40
RUN dnf group install -y "Development Tools"
RUN dnf install -y 'dnf-command(config-manager)' /usr/bin/make https://example.com/tool-1.0.rpm
