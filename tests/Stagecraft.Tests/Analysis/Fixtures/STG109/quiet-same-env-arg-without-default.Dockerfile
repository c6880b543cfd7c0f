FROM alpine:3.20
ARG A
ENV A=1 B=$A
ARG C=3
ENV C=4 D=${C:-5}
