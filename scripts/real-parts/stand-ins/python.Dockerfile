# Stand-in for the official python:3.11 images (Docker Hub is out of reach): Debian bookworm's Python 3.11 with venv
# (and so pip inside a virtual environment) on the local Debian base. Upstream installs its own build as
# /usr/local/bin/python3 and links `python` to it, and Dockerfiles written for it call `python`: the links below give
# Debian's python3 those names (Debian itself has no `python` command). Tagged python:3.11 and
# python:3.11.x-slim-bookworm by scripts/real-parts/stand-in-bases.sh; one image serves both.
# Upstream ships no bytecode (*.pyc) for its standard library, and neither does the stand-in.
# extra-ca/ holds the build machine's own CA certificates (see node.Dockerfile).
# The packages come at whatever version Debian bookworm has: a stand-in follows the archive, unpinned.
# stagecraft global ignore=STG205
FROM local/debian:bookworm
ENV LANG=C.UTF-8
COPY apt-clean.conf /etc/apt/apt.conf.d/docker-clean
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv ca-certificates \
    && update-ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s /usr/bin/python3 /usr/local/bin/python3 \
    && ln -s /usr/bin/python3 /usr/local/bin/python \
    && find /usr/lib/python3 /usr/lib/python3.11 -depth -name __pycache__ -exec rm -rf {} +
CMD ["python3"]
