# Headers installed together with a compiler are build dependencies, even in an image that removes another group.
FROM alpine:3.20
RUN apk add --no-cache [|g++|] [|zlib-dev|] \
	&& apk add --no-cache --virtual .tmp make && make -C /src && apk del .tmp
