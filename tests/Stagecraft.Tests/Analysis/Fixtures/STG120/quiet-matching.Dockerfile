# the images match the build platform (linux/amd64 by default), or are unknown, stages and scratch are not looked up
FROM myorg/base:1 AS base
FROM base AS app
FROM scratch
FROM unknown/image:1
FROM --platform=linux/arm/v6 myorg/armv7:1
