FROM alpine:3.20
ENV GOBIN=[|${GOPATH:-/go}|]/bin GOPATH=/go
