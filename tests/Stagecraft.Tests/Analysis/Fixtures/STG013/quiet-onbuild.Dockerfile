FROM golang:1.23
WORKDIR /go/src/app
ONBUILD COPY . .
ONBUILD RUN go build -o /app .
CMD ["go", "version"]
