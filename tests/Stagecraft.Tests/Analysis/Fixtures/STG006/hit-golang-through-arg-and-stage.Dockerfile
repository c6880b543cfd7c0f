ARG GO_VERSION=1.22
FROM [|golang:${GO_VERSION}|] AS build
WORKDIR /src
RUN go build -o /app .

FROM build AS final
ENTRYPOINT ["/app"]
