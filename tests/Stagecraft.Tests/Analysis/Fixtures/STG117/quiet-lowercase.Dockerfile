FROM nginx:1.27
EXPOSE 80 443/tcp 53/udp 3868/sctp 8000-8010/tcp
