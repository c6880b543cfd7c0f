# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
RUN <<EOF
set -e
GOOS=$TARGETOS GOARCH=$TARGETARCH [|go build -o /out/app ./cmd/app|]
EOF

FROM scratch AS final
COPY --from=build /out/app /app
