FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc make musl-dev git \
 && git clone https://example.com/tool.git /tmp/tool \
 && make -C /tmp/tool install \
 && apk del .build-deps
RUN set -eux; \
	cd /usr/src/other; \
	./configure; \
	make -j4; \
	make install; \
	cd /; \
	rm -rf /usr/src/other
