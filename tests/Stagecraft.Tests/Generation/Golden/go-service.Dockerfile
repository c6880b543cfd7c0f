# syntax=docker/dockerfile:1
# Written by `stagecraft init` for a Go 1.19.13 app (go, main package ., static binary, port 8080).
# Build: docker build .   Run the tests: add --target test

# build downloads the modules and compiles a static binary
FROM golang:1.19.13-bookworm AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /out/go-service .

# test runs go vet and the tests: docker build --target test .
FROM build AS test
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go vet ./... \
    && go test ./...

# healthcheck provides a static wget for the health check, as the final image has no shell or tools
FROM busybox:1.37.0-musl AS healthcheck

# runtime holds nothing but the binary, CA certificates and the health probe
FROM scratch AS runtime
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=healthcheck /bin/wget /usr/local/bin/wget
COPY --from=build /out/go-service /usr/local/bin/go-service
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["/usr/local/bin/wget", "-q", "--spider", "http://127.0.0.1:8080/health"]
CMD ["/usr/local/bin/go-service"]
