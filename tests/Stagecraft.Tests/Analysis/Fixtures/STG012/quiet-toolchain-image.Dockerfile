FROM buildpack-deps:bookworm-scm
RUN apt-get update && apt-get install -y --no-install-recommends gcc g++ libc6-dev make pkg-config \
 && rm -rf /var/lib/apt/lists/*
ENV GOPATH /go
ENV PATH $GOPATH/bin:/usr/local/go/bin:$PATH
