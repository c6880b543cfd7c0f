# syntax=docker/dockerfile:1
FROM golang:1.22
WORKDIR /work
RUN --mount=type=bind,target=/src cd /src && go build -o /out/app .
RUN --mount=target=. cd sub && go test ./...
RUN --mount=type=cache,target=/installTmp cd /installTmp && wget https://example.com/x
RUN cd /work && make
RUN cd / && ls
