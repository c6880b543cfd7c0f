FROM alpine:3.20 AS build
[|MAINTAINER build team|]
FROM alpine:3.20
[|maintainer "Ops" $HOME|]
