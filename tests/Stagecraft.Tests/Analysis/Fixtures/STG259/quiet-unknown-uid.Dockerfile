FROM debian:bookworm-slim
ARG UID
RUN useradd -u $UID app
RUN useradd -u "$(id -u)0000" other
