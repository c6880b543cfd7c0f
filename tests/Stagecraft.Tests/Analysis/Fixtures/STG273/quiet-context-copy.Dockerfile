FROM alpine:3.20 AS contexts
COPY --from=context /x /x
