FROM debian:bookworm-slim
ARG TMP=/tmp
WORKDIR /tmp
RUN wget -q -O x.deb https://example.com/x.deb && dpkg -i x.deb
RUN [|rm -f $TMP/x.deb|]
