# syntax=docker/dockerfile:1.4
FROM alpine:3.20
COPY --link . /src
COPY [|--exclude=*.md|] docs/ /docs/
