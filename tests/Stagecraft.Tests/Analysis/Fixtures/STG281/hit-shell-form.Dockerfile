FROM alpine:3.20
ENTRYPOINT exec /first
CMD ["x"]
[|ENTRYPOINT exec /second|]
