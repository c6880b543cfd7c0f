FROM alpine:3.20
LABEL org.opencontainers.image.source=https://github.com/example/app
LABEL org.opencontainers.image.source=mailto:team@example.com
LABEL org.opencontainers.image.source="https://example.com/a%20b?q=1#top"
LABEL org.opencontainers.image.source=urn:isbn:0451450523
