# check=experimental=InvalidDefinitionDescription
# a note about the file

ARG VERSION=1.4.2
# not a description
#
FROM golang:1.22 AS build
# hadolint ignore=DL3018
ARG OTHER
# stagecraft ignore=STG109
FROM alpine:3.20 AS final
RUN true
