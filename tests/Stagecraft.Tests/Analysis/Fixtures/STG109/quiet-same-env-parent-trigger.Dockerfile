FROM alpine:3.20 AS parent
ONBUILD ENV HOME_DIR=/srv
FROM parent
ENV HOME_DIR=/app CACHE=$HOME_DIR/cache
