FROM debian:bookworm-slim
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz
FROM debian:bookworm-slim
RUN set -euxo pipefail; curl -fsSL https://example.com/a | tar -xz
RUN <<EOF
set -o pipefail
curl -fsSL https://example.com/b | tar -xz
EOF
