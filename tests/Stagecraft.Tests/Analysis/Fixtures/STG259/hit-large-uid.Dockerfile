FROM debian:bookworm-slim
RUN [|useradd -u 1000000 app|]
RUN [|useradd --uid=123456 -m worker|]
ARG UID=2000000
RUN [|useradd -u $UID builder|]
