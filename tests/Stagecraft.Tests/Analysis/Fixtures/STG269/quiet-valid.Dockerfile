FROM alpine:3.20
LABEL org.opencontainers.image.version=1.4.0
LABEL org.opencontainers.image.version=2.0.0-rc.1+build.5
LABEL org.opencontainers.image.version=1.0.0-alpha-a.b-c-long+build.1-aef.1-its-okay
LABEL org.opencontainers.image.version=0.0.0
