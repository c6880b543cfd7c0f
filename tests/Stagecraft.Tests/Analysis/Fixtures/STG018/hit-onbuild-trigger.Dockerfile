# escape=\
FROM golang:1.23
ONBUILD RUN [|--mount=type=cache,target=/root/.cache/go-build|] go build -o /app .
