ARG BASE=myorg/tool:2
FROM --platform=linux/arm64 [|${BASE}|] AS build
RUN make

# the build platform is linux/amd64 here, as the image is
FROM --platform=$BUILDPLATFORM myorg/tool:2 AS native

# containerd reads aarch64 as arm64
FROM --platform=aarch64 myorg/arm:1 AS aliased

FROM --platform=linux/amd64 [|myorg/arm:1|]
