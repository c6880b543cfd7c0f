[|FROM alpine:3.20|]
ONBUILD LABEL team=platform
