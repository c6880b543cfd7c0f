FROM alpine:3.20
LABEL maintainer=[|"Platform team"|]
LABEL maintainer=[|"Team <team@example.com>"|]
LABEL maintainer=[|team@|]
LABEL maintainer=[|a..b@example.com|]
