FROM alpine:3.20
ENV APP_HOME=/app
WORKDIR [|$APP_HOM|]/src
ENV A=1 B=[|$A|]
ENV PATH=[|$PAHT|]:/opt/bin
