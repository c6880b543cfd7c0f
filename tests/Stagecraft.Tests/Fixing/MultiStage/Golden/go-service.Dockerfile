FROM golang:1.19 AS build

ADD . /go/src/go-service
WORKDIR /go/src/go-service

# git to fetch modules, gcc because cgo wants it
RUN apt-get update && apt-get install -y git gcc

RUN go mod download
RUN CGO_ENABLED=0 go build -o go-service .

FROM scratch
WORKDIR /go/src/go-service
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /go/src/go-service/go-service /go/src/go-service/go-service
USER 65532:65532
MAINTAINER Platform Team <platform@example.com>
EXPOSE 8080
CMD ["./go-service"]
