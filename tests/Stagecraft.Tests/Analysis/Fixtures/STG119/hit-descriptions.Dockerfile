# check=experimental=InvalidDefinitionDescription
[|# the version to install|]
ARG VERSION=1.4.2
[|# compile the binary|]
FROM golang:1.22 AS build
[|# BasE is not the same as base|]
FROM alpine:3.20 AS base
