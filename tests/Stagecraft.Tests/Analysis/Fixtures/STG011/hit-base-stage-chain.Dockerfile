FROM alpine:3.20 AS base
RUN apk add curl
RUN curl -fsSLO https://example.com/tool.tgz

FROM base
RUN [|rm -rf /var/cache/apk/*|] && [|rm tool.tgz|]
