# expect-runtime: scratch
FROM golang:1.22-bookworm
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -o /out/api ./cmd/api
EXPOSE 8080
ENTRYPOINT ["/out/api"]
