FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN echo done && [|rm -rf /var/lib/apt/lists/*|]
