FROM [|--platform=${TARGETPLATFORM}|] alpine:3.20 AS build
FROM alpine:3.20
