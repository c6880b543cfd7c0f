# expect-runtime: scratch
FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -o /out/api ./cmd/api

FROM scratch
WORKDIR /src
ENV CGO_ENABLED=0
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/api /out/api
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/out/api"]
