FROM centos:7
RUN [|yum install httpd|] && yum clean all
RUN yum -y update && [|sudo yum groupinstall "Development Tools"|]
RUN [|yum group install "Development Tools"|]
