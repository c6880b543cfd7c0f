ARG BASE=alpine:3.20
FROM ${BASE} [|As|] base
RUN true
