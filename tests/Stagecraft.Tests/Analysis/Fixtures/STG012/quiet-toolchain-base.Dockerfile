# buildpack-deps (full) already ships gcc, make and the common headers: it is a build image by choice, like the
# official python/node/ruby full variants built on it.
FROM buildpack-deps:bookworm
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev; \
	rm -rf /var/lib/apt/lists/*
CMD ["python3"]
