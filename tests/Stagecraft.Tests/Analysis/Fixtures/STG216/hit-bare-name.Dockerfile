FROM golang:1.22 AS build
RUN go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=[|bulid|] /out/app /app
COPY --from=[|busybox|] /bin/busybox /busybox
ARG BUILDER=bilder
COPY --from=[|${BUILDER}|] /out/app /app2
