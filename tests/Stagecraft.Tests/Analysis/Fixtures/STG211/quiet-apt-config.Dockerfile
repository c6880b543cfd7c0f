FROM debian:12-slim AS base
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
FROM base
RUN apt-get update && apt-get install -y curl
FROM debian:12-slim AS copied
COPY apt.conf /etc/apt/apt.conf.d/99local
RUN apt-get install -y git
