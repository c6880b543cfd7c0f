# syntax=docker/dockerfile:1
FROM alpine:3.20
COPY <<ONE <<TWO [|/etc/app|]
a=1
ONE
b=2
TWO
