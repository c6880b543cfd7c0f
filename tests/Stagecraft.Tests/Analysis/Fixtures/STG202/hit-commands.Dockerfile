FROM debian:12-slim
RUN [|service|] nginx start && [|ps|] aux | grep nginx
RUN <<EOF
set -e
sudo [|kill|] -HUP 1
EOF
RUN if true; then [|shutdown|] -h now; fi
