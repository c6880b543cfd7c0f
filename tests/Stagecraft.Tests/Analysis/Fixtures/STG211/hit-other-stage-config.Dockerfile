FROM debian:12-slim AS configured
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
FROM debian:12-slim
RUN [|apt-get install|] -y curl
