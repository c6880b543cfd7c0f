# syntax=docker/dockerfile:1
FROM golang:1.23 AS build
USER builder
RUN <<EOF
set -e
[|go mod download|]
EOF

FROM scratch
COPY --from=build /go/bin/app /app
