FROM debian:12-slim
RUN apt-get update && apt-get -f install -y && apt-get upgrade -y
RUN ["apt-get", "install", "-y", "curl"]
