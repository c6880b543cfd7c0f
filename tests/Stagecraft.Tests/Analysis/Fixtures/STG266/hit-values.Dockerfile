FROM alpine:3.20
LABEL org.opencontainers.image.created=[|"2024-05-01 12:30"|]
LABEL org.opencontainers.image.created=[|2024-13-01T00:00:00Z|]
LABEL org.opencontainers.image.created=[|2024-02-30T00:00:00Z|]
LABEL org.opencontainers.image.created=[|2024-05-01T12:30:00|]
