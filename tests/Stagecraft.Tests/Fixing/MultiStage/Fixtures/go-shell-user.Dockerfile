# expect-runtime: busybox:1.37.0-musl
FROM golang:1.23
RUN useradd --create-home app
WORKDIR /home/app/src
COPY --chown=app . .
USER app
RUN CGO_ENABLED=0 go build -o bin/worker ./cmd/worker
# shell form on purpose: the variable is expanded at start
CMD bin/worker --queue "$QUEUE"
