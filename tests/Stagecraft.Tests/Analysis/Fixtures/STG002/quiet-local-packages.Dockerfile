FROM debian:bookworm-slim
COPY . /pkgs
RUN apt-get install -y /pkgs/tool.deb
RUN apt-get install -y ./pkgs/other.deb
RUN dnf install -y $(cat /pkgs/packages.txt)
RUN apt-get update
