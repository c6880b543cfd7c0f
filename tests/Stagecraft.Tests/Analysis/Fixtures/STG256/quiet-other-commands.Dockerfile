FROM fedora:40
RUN dnf upgrade -y && dnf remove -y vim
RUN yum install -y httpd-2.4.6
