# check=experimental=InvalidDefinitionDescription
# VERSION is the release to install
ARG VERSION=1.4.2
# build compiles the binary
FROM golang:1.22 AS build
# B is the second value
ARG A=1 B=2
