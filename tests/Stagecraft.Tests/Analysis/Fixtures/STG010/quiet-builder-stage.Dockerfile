FROM golang:1.23 AS build
RUN go env
RUN go version

FROM alpine:3.20
COPY --from=build /usr/local/go/bin/go /go
