FROM alpine:3.20
LABEL org.opencontainers.image.licenses=[|"Apache License 2.0"|]
LABEL org.opencontainers.image.licenses=[|GPLv3|]
LABEL org.opencontainers.image.licenses=[|"MIT OR"|]
LABEL org.opencontainers.image.licenses=[|"MIT WITH Foo-exception"|]
