ARG BASE=alpine:3.20
FROM [|--platform=$TARGETPLATFORM|] ${BASE}
