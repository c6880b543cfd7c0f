FROM centos:7
RUN yum install -y httpd && yum clean all
RUN yum -q -y install make
RUN yum install --assumeyes gcc
RUN yes | yum install curl
RUN yum --setopt=assumeyes=1 install git
