FROM debian:bookworm-slim
ONBUILD COPY . /src
ONBUILD RUN apt-get update && apt-get install -y make
