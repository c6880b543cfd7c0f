FROM debian:12-slim
RUN apt-get install -y -o APT::Install-Recommends=false curl
RUN [|apt-get install|] -y git
