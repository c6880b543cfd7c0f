FROM php:8.3-fpm-alpine
ENV PHPIZE_DEPS="autoconf dpkg-dev"
RUN apk add --no-cache --virtual .phpize-deps [|$PHPIZE_DEPS|]
