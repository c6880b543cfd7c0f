FROM debian:bookworm-slim
RUN [|curl -fsSL https://example.com/tool.tar | tar -x -C /usr/local/bin|]
RUN set -e && [|wget -qO- https://example.com/install.sh | sh|]
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN <<EOF
#!/bin/bash
[|curl -fsSL https://example.com/setup.sh | bash|]
EOF
