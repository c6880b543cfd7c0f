FROM debian:bookworm-slim
RUN echo "$SHA256  file.tgz" | sha256sum -c -
RUN grep " node.tar.gz\$" SHASUMS256.txt | sha256sum -c -
RUN yes | apt-get install curl && printf 'a\nb\n' | sort
ONBUILD RUN curl -fsSL https://example.com/x | sh
