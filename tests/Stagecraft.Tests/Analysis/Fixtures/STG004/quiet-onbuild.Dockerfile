FROM golang:1.22 AS build
RUN go build -o /app .

FROM alpine:3.20
ONBUILD COPY --from=0 /app /app
COPY --from=build /app /app
