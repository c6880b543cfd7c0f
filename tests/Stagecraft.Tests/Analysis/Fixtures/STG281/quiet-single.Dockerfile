FROM alpine:3.20
ENTRYPOINT ["/app"]
CMD ["--help"]
