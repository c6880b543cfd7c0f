FROM debian:bookworm-slim
RUN echo "$SHA256  file.tgz" | sha256sum -c -
RUN grep " node.tar.gz\$" SHASUMS256.txt | sha256sum -c -
RUN yes | apt-get install curl && printf 'a\nb\n' | sort
RUN curl -fsSL https://example.com/key.asc | gpg --import && curl -fsSL https://example.com/x.tgz | tar xzf - && wget -qO- https://example.com/y.xz | xz -d > /y
RUN if head -n 1 .git | grep -q "^gitdir:"; then echo worktree; fi
RUN gpg --fingerprint "$KEY" | grep "Key fingerprint = EF6E 286D" && java -version 2>&1 | grep -q 17 > /dev/null
ONBUILD RUN curl -fsSL https://example.com/x | sh
