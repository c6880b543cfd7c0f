FROM debian:bookworm
RUN echo built > /built
FROM alpine:3.20 AS base
FROM base
COPY --from=0 [|"/" "/"|]
