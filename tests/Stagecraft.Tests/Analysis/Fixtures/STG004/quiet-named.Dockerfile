FROM golang:1.22 AS build
RUN go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
RUN --mount=type=bind,from=build,source=/app,target=/x true
