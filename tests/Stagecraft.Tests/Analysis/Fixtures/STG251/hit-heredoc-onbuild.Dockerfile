FROM amazonlinux:2
ONBUILD RUN [|yum install -y python3-devel|]
RUN <<EOF
[|yum install -y --enablerepo epel jq|]
EOF
