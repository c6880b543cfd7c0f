FROM debian:12-slim
RUN ["sudo", "true"]
ENTRYPOINT ["gosu", "app", "server"]
