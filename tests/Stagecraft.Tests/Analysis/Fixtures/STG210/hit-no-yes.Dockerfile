FROM debian:12-slim
RUN apt-get update && [|apt-get install|] curl=7.88.1-10+deb12u8
RUN <<EOF
set -e
[|sudo apt-get install|] --no-install-recommends git
[|apt-get -q install|] make
EOF
ONBUILD RUN [|apt-get install|] jq
