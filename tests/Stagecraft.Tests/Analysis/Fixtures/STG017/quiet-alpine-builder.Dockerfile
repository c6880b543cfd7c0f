FROM golang:1.23-alpine AS build
RUN apk add --no-cache git
RUN go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
