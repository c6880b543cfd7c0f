FROM debian:bookworm-slim
RUN [|ln -sf /bin/bash /bin/sh|]
RUN [|sudo ln -s -f bash /usr/bin/sh|]
