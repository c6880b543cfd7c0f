FROM centos:7
RUN yum makecache && yum list installed
RUN dnf install httpd
RUN echo "yum install httpd" > /notes.txt
