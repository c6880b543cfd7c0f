FROM alpine:3.20
ENV Maintainer=me
