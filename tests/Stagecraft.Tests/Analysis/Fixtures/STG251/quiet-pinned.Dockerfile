FROM centos:7
ARG HTTPD_VERSION=2.4.6
ARG PHP_VERSION
RUN yum install -y httpd-${HTTPD_VERSION} php-${PHP_VERSION} && yum clean all
RUN yum install -y nodejs-1:16.14.0-1.el8 java-11-openjdk-11.0.20
RUN yum module install -y nodejs:18
