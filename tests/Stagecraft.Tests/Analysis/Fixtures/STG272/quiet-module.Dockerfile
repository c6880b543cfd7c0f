FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go install github.com/me/app/cmd/server
FROM golang:1.22
RUN --mount=type=bind,source=go.mod,target=/src/go.mod go install github.com/me/tool
RUN go install tool
