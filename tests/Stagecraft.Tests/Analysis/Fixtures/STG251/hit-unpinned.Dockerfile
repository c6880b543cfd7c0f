FROM centos:7
RUN [|yum install -y httpd php-5.4.16 epel-release|] && yum clean all
ARG TOOL=jq
RUN [|yum install -y ${TOOL}|]
RUN [|yum module install -y nodejs|]
