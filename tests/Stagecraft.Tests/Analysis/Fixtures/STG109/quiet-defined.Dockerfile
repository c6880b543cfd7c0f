ARG BASE_TAG=3.20
FROM alpine:${BASE_TAG} AS base
ARG BASE_TAG
ARG NOVALUE
ENV APP_HOME=/app PATH=$PATH:/app/bin
ARG RUNTIME_USER=app
COPY ${NOVALUE}config /etc/config
WORKDIR $APP_HOME
LABEL version=$BASE_TAG note='costs $5' escaped=\$HOME fallback=${MAYBE:-none}
FROM base
COPY --chown=$RUNTIME_USER app $APP_HOME/
RUN echo "$UNSET_IN_SHELL"; for f in *; do echo "$f"; done
CMD echo $ANYTHING
ONBUILD COPY $FROM_CHILD /x
