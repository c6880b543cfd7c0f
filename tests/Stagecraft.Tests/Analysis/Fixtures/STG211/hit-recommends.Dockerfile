FROM debian:12-slim
RUN apt-get update && [|apt-get install|] -y git=1:2.39.5-0+deb12u1
RUN <<EOF
set -e
[|apt-get -y install|] vim
EOF
ONBUILD RUN [|sudo apt-get install|] -y jq
