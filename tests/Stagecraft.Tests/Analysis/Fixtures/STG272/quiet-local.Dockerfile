FROM golang:1.22
RUN go install ./... && go run main.go && go run . --help
RUN go install -ldflags "-s -w" -tags netgo -o /out/app ./cmd/app
RUN go build -o /out/app github.com/me/app
