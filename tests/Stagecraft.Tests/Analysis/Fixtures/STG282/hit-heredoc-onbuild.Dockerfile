FROM debian:bookworm-slim
RUN <<EOF
[|ln -snf /bin/bash /bin/sh|]
EOF
ONBUILD RUN [|ln -sf /bin/dash /bin/sh|]
