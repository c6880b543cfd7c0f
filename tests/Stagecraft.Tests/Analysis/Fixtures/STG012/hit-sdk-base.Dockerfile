ARG GO_VERSION=1.23
FROM [|golang:${GO_VERSION}|]
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y gcc
RUN go build -o /app .
CMD ["/app"]
