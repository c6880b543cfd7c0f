# expect-runtime: busybox:1.37.0-musl
FROM golang:1.23 AS build
RUN useradd --create-home app
WORKDIR /home/app/src
COPY --chown=app . .
USER app
RUN CGO_ENABLED=0 go build -o bin/worker ./cmd/worker

FROM busybox:1.37.0-musl
WORKDIR /home/app/src
COPY --from=build /etc/passwd /etc/group /etc/
COPY --from=build /home/app/src/bin/worker /home/app/src/bin/worker
USER app
# shell form on purpose: the variable is expanded at start
CMD bin/worker --queue "$QUEUE"
