FROM fedora:40
RUN dnf makecache && dnf list installed
RUN ["dnf", "install", "httpd"]
