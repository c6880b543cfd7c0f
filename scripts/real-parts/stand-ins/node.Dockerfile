# Stand-in for the official node:18 images (Docker Hub is out of reach): Debian bookworm's Node.js 18 on the local
# Debian base, laid out like the upstream image where a Dockerfile can tell: `node` and `npm` on PATH under
# /usr/local/bin, npm in /usr/local/lib/node_modules/npm, and the user `node` with uid and gid 1000 and home
# /home/node. Debian's own npm package drags in node-gyp, python3 and C headers, which the upstream slim image does
# not have, so npm installs npm in a first stage and only its folder is copied. Tagged node:18 and
# node:18.x.y-bookworm-slim by scripts/real-parts/stand-in-bases.sh; one image serves both (the full tag upstream
# also carries compilers, so sizes measured against it understate what a slim image saves).
# extra-ca/ holds the build machine's own CA certificates (a TLS-inspecting egress needs them to reach the npm
# registry); it is empty where the machine has none. apt-clean.conf makes apt clean up after itself as in the
# upstream Debian images.
# The packages come at whatever version Debian bookworm has: a stand-in follows the archive, unpinned.
# stagecraft global ignore=STG205
FROM local/debian:bookworm AS npm
COPY apt-clean.conf /etc/apt/apt.conf.d/docker-clean
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm ca-certificates \
    && update-ca-certificates \
    && npm install --global --prefix /opt/npm npm@10.8.2

FROM local/debian:bookworm
COPY apt-clean.conf /etc/apt/apt.conf.d/docker-clean
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs ca-certificates \
    && update-ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s /usr/bin/node /usr/local/bin/node \
    && groupadd --gid 1000 node \
    && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY --from=npm /opt/npm/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
CMD ["node"]
