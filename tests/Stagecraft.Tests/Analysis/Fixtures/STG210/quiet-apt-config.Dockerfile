FROM debian:12-slim AS base
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
FROM base
RUN apt-get update && apt-get install curl
FROM debian:12-slim AS copied
COPY <<EOF /etc/apt/apt.conf.d/90yes
APT::Get::Assume-Yes "1";
EOF
RUN apt-get install git
