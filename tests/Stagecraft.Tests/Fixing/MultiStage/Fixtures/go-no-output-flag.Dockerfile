# expect-runtime: scratch
FROM golang:1.21
WORKDIR /app
COPY . .
# the binary is named after the module (example.com/tools/pinger/v2 → pinger)
RUN go build
USER 1000:1000
CMD ["./pinger"]
