ARG TEAM=ops
FROM alpine:3.20
[|MAINTAINER $TEAM@example.com|]
