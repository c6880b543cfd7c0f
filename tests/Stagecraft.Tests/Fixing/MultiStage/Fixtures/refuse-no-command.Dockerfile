# expect-refusal: no CMD or ENTRYPOINT
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /bin/tool ./cmd/tool
