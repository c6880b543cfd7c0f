# expect-runtime: scratch
FROM golang:1.22 AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go install ./cmd/server

FROM scratch
WORKDIR /src
ENV CGO_ENABLED=0
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /go/bin/ /usr/local/bin/
USER 65532:65532
CMD ["server", "--listen", ":8080"]
