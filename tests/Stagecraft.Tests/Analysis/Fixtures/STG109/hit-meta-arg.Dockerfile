ARG VERSION=1.4.2
FROM alpine:3.20
ENV TOOL_VERSION=[|$VERSION|]
COPY bin/[|${TARGETARCH}|]/tool /usr/local/bin/tool
RUN echo "$VERSION is a shell variable here"
