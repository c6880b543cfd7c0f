# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN [|CGO_ENABLED=0 go build -o /out/app .|]

FROM python:3.12-slim AS tools
WORKDIR /app
COPY ./ /app
RUN <<EOF
set -e
[|pip install --no-cache-dir -r requirements.txt|]
EOF
