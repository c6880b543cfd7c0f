FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends apt-utils \
    && apt-cache policy curl && apt-mark hold curl && echo apt && aptitude --version
