FROM alpine:3.20
LABEL [|Maintainer|]="me" [|com.docker.extension.name|]=x [|my..key|]=2
LABEL [|"with space"|]=3 [|trailing.|]=4 [|9lives|]=5
ONBUILD LABEL [|Vendor|]=x
