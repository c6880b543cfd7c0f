FROM alpine:3.20
LABEL [|version|]=1
