FROM alpine:3.20
ENV APP_HOME=/app APP_CACHE=[|$APP_HOME|]/cache
ENV A=1 B="x-[|${A}|]"
