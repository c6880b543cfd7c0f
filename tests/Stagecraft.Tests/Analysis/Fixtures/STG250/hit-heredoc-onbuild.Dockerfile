FROM centos:7
RUN <<EOF
set -e
[|yum --enablerepo=epel --setopt=tsflags=nodocs install nginx|]
yum clean all
EOF
ONBUILD RUN [|yum localinstall /tmp/app.rpm|]
