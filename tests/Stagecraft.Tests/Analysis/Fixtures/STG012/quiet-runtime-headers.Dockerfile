# masscan loads the unversioned libpcap.so at run time, which only libpcap-dev ships. The image installs its run-time
# packages apart from the build dependencies it compiles with and then deletes: the headers were kept on purpose.
FROM alpine:3.20
RUN apk add --no-cache ca-certificates libpcap-dev
RUN set -x \
	&& apk add --no-cache --virtual .build-deps build-base clang git linux-headers \
	&& git clone --depth 1 --branch 1.3.2 https://github.com/robertdavidgraham/masscan.git /usr/src/masscan \
	&& make -C /usr/src/masscan install \
	&& rm -rf /usr/src/masscan \
	&& apk del .build-deps
ENTRYPOINT ["masscan"]
