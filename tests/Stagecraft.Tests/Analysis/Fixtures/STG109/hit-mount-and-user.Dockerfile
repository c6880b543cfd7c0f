FROM golang:1.22
RUN --mount=type=cache,target=[|$GOCACHE_DIR|] go build ./...
USER [|${APP_UID}|]:[|${APP_GID}|]
VOLUME [|$DATA_DIR|]
