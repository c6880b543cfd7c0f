FROM alpine:3.20
RUN wget -q https://example.com/a
ONBUILD RUN curl -fsSLO https://example.com/b
