FROM alpine:3.20
COPY <<EOF /notes
MAINTAINER nobody
EOF
