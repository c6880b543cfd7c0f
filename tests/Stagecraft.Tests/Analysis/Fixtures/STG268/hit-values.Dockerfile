FROM alpine:3.20
LABEL org.opencontainers.image.revision=[|main|]
LABEL org.opencontainers.image.revision=[|ABCDEF1|]
LABEL org.opencontainers.image.revision=[|abc12|]
LABEL org.opencontainers.image.revision=[|g123456|]
