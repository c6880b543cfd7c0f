# expect-refusal: has no -o
FROM golang:1.22
ENV CGO_ENABLED=0
RUN go build -a std
CMD ["go", "version"]
