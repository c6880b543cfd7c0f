FROM debian:bookworm-slim
SHELL ["/bin/bash", "-c"]
RUN source /etc/profile && echo ok
