FROM alpine:3.20 AS base
RUN apk add --no-cache [|build-base|] [|git|] ca-certificates

FROM base AS final
CMD ["sh"]
