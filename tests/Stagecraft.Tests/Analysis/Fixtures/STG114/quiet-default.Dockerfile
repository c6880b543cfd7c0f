ARG TAG=1.36
FROM busybox:${TAG}
