ARG GO_VERSION=1.22
FROM golang:${GO_VERSION} AS [|Build_Stage|]
RUN go build -o /app .
FROM scratch
COPY --from=build_stage /app /app
