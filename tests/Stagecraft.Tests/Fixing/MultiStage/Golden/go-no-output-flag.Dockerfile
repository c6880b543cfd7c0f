# expect-runtime: scratch
FROM golang:1.21 AS build
WORKDIR /app
COPY . .
# the binary is named after the module (example.com/tools/pinger/v2 → pinger)
RUN CGO_ENABLED=0 go build

FROM scratch
WORKDIR /app
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /app/pinger /app/pinger
USER 1000:1000
CMD ["./pinger"]
