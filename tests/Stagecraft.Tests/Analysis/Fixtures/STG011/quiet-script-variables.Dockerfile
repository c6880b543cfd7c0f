FROM debian:bookworm-slim
RUN GNUPGHOME="$(mktemp -d)" && export GNUPGHOME && gpg --list-keys
RUN rm -rf "$GNUPGHOME" "$(mktemp -d)"
COPY app /app
RUN cd /opt && rm -rf app
RUN (cd /srv && wget -O tool.deb https://example.com/tool.deb)
RUN rm -f /tool.deb
