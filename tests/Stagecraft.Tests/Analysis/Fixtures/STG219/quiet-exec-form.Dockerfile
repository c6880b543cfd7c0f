FROM debian:12-slim
RUN ["apt", "update"]
