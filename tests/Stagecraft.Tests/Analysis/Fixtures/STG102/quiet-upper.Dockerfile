ARG VERSION=3.20
FROM alpine:${VERSION}
RUN echo hi
ONBUILD RUN echo child
CMD ["sh"]
