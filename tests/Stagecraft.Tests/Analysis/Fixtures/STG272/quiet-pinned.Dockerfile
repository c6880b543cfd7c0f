FROM golang:1.22
ARG GOPLS_VERSION=v0.16.2
ARG LINT_VERSION
RUN go install golang.org/x/tools/gopls@${GOPLS_VERSION} github.com/golangci/golangci-lint/cmd/golangci-lint@$LINT_VERSION
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0 && go get example.com/dep@none
