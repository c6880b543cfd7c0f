FROM alpine:3.20 AS base
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
FROM base
CMD [|echo "$HOME" && sleep infinity|]
ONBUILD ENTRYPOINT [|run-child|]
