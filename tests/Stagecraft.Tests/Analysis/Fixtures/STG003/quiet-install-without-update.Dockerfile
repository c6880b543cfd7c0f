# apt-get install writes no package lists: only the RUN that ran apt-get update can leave them.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get install -y --no-install-recommends ca-certificates
RUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/*
