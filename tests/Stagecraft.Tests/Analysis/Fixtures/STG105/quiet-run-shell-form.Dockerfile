FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN apk add --no-cache curl && echo "CMD echo not a command"
ONBUILD RUN echo "triggers run shell form on purpose"
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["--port", "8080"]
