FROM debian:bookworm-slim
RUN ln -s /bin/sh /usr/local/bin/sh && ln -sf /bin/bash /usr/local/bin/bash5
