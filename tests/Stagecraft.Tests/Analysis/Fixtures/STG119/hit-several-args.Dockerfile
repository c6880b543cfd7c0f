# check=experimental=all
FROM alpine:3.20
# settings for the tool
[|# some args|]
ARG A=1 B=2
