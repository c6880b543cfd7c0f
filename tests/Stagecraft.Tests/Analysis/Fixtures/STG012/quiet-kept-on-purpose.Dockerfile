FROM debian:bookworm-slim
# The RUN names libpq-dev in apt-mark manual before the autoremove: kept on purpose.
RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc libpq-dev; \
	make -C /usr/src/tool install; \
	apt-mark auto '.*' > /dev/null; \
	apt-mark manual $savedAptMark libpq-dev; \
	apt-get purge -y --auto-remove; \
	rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends git && apt-mark manual git && rm -rf /var/lib/apt/lists/*
