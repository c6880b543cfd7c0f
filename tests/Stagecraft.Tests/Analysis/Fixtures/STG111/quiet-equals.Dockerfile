FROM alpine:3.20
ENV JAVA_HOME=/opt/java PATH=$PATH:/opt/java/bin
LABEL maintainer="Jane <jane@example.com>"
ONBUILD ENV MODE=production
