FROM debian:bookworm
RUN apt-get dist-upgrade -y
