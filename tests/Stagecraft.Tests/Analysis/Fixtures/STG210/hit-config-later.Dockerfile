FROM debian:12-slim AS base
RUN [|apt-get --no-install-recommends install|] curl
RUN echo 'APT::Get::Assume-Yes "false";' > /etc/apt/apt.conf.d/90no
FROM debian:12-slim
RUN [|apt-get install|] curl
