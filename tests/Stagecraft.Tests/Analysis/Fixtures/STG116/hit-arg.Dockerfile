FROM alpine:3.20
ARG DIR=secrets
COPY [|$DIR/app.conf|] /etc/app.conf
COPY <<EOF /etc/secrets/inline.conf
from a heredoc
EOF
ONBUILD COPY secrets/child.conf /etc/
