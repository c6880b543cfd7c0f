FROM golang:1.22 AS build
HEALTHCHECK CMD true
[|FROM alpine:3.20|]
COPY --from=build /go/bin/app /app
