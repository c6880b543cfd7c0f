# Official-image style: the manager updating itself, and a self-contained RUN that installs a build toolchain,
# builds a pinned release and removes the toolchain, with nothing from the build context before it.
FROM debian:bookworm-slim
RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends gcc make libssl-dev wget; \
	wget -O tool.tar.gz "https://example.com/tool-1.2.tar.gz"; \
	tar -xzf tool.tar.gz && make -C tool install; \
	apt-mark auto '.*' > /dev/null; \
	[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	rm -rf /var/lib/apt/lists/*
RUN pip install --upgrade pip setuptools wheel
RUN python3 -m pip install --no-cache-dir 'setuptools==79.0.1' 'wheel<0.46'
RUN npm install -g npm@10
