FROM golang:1.22 AS build
RUN go build -o /app .

FROM [|alpine:3.20|]
RUN apk add --no-cache ca-certificates

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=[|0|] /app /app
COPY --from=[|1|] /etc/ssl/certs /etc/ssl/certs
