FROM alpine:3.20
LABEL org.opencontainers.image.licenses=MIT
LABEL org.opencontainers.image.licenses=Apache-2.0
LABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"
LABEL org.opencontainers.image.licenses="(MIT AND BSD-3-Clause) OR GPL-2.0-or-later"
LABEL org.opencontainers.image.licenses="GPL-2.0-only WITH Classpath-exception-2.0"
LABEL org.opencontainers.image.licenses=mit
LABEL org.opencontainers.image.licenses=LicenseRef-Proprietary
LABEL org.opencontainers.image.licenses=GPL-2.0+
