ARG NS=Com.Example
FROM alpine:3.20
ARG NS
LABEL [|${NS}.version|]=1
