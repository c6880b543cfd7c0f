ARG IMAGE=alpine:latest
ARG NODE_MAJOR=20
FROM [|${IMAGE}|] AS tools
FROM --platform=$BUILDPLATFORM [|node:${NODE_MAJOR}-slim|]
