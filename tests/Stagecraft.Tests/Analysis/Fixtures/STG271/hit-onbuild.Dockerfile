FROM alpine:3.20
ONBUILD LABEL maintainer=[|team.example.com|]
