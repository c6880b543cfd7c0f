FROM ubuntu:24.04
ARG PACKAGES="make gcc"
ENV RUNTIME_DEPS="libssl3=3.0.13-0ubuntu3 tzdata"
RUN apt-get install -y [|$PACKAGES|] && apt-get install -y [|${RUNTIME_DEPS}|]
