FROM centos:7
RUN dnf install -y httpd
RUN ["yum", "install", "-y", "httpd"]
RUN yum update -y
