ARG V=3.20
FROM alpine:$V AS base
FROM base AS [|BASE|]
