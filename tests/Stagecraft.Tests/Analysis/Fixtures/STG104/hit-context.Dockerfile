ARG BASE=alpine:3.20
FROM ${BASE} AS [|Context|]
