FROM alpine:3.20
LABEL org.opencontainers.image.created=2024-05-01T12:30:00Z
LABEL org.opencontainers.image.created=2024-05-01T12:30:00.123+02:00
LABEL org.opencontainers.image.created=2024-02-29T00:00:00z
LABEL org.opencontainers.image.created="2024-05-01 12:30:00-05:00"
