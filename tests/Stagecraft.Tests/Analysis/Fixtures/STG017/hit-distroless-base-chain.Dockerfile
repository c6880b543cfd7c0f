FROM golang:1.23-bookworm AS base
ENV CGO_ENABLED=1

FROM base AS build
WORKDIR /src
RUN [|go install ./cmd/server|]

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /go/bin/server /server
ENTRYPOINT ["/server"]
