# expect-runtime: scratch
FROM golang:1.22
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN go install ./cmd/server
CMD ["server", "--listen", ":8080"]
