FROM alpine:3.20
ONBUILD RUN echo "FROM x as y"
