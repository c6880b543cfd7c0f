ARG DEFAULT_DEPS=curl
FROM alpine:3.20
ENV [|DEPS \
    ${DEFAULT_DEPS} \
    git|]
