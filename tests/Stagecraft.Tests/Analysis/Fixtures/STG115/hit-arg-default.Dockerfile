ARG PLATFORM=linux/arm/v7
FROM --platform=[|${PLATFORM}|] debian:12-slim
