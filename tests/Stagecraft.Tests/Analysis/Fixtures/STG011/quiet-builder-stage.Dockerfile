FROM alpine:3.20 AS build
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
RUN rm /tmp/app.tar.gz

FROM alpine:3.20
COPY --from=build /opt /opt
