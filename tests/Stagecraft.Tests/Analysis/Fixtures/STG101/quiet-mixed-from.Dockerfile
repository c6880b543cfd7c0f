From alpine:3.20 as base
RUN true
