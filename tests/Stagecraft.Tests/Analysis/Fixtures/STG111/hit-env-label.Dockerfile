FROM alpine:3.20
ENV [|JAVA_HOME /opt/java|]
LABEL [|maintainer "Jane <jane@example.com>"|]
ONBUILD ENV [|MODE production|]
