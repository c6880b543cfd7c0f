FROM alpine:3.20
LABEL org.opencontainers.image.source=[|github.com/example/app|]
LABEL org.opencontainers.image.source=[|"https://example.com/a b"|]
LABEL org.opencontainers.image.source=[|http://example.com/%zz|]
