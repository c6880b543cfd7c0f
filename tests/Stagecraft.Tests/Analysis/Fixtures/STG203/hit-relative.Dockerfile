FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN [|cd cmd/server|] && go build -o /out/server . && cd /src
RUN (cd internal && go generate ./...) && [|sudo cd tools|] && make
