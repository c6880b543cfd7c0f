FROM debian:12 AS builder
RUN echo one
FROM golang:1.22 AS [|builder|]
FROM alpine:3.20 AS [|Builder|]
COPY --from=builder /x /x
