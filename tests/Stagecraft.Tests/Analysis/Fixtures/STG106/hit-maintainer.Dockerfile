FROM alpine:3.20
[|MAINTAINER Jane Doe <jane@example.com>|]
FROM debian:12
[|maintainer ops@example.com|]
