FROM centos:7
RUN yum install -y /tmp/local.rpm https://example.com/repo-1.noarch.rpm @development 'dnf-command(config-manager)'
RUN yum groupinstall -y "Development Tools"
RUN for p in jq git; do yum install -y "$p"; done
