FROM [|--platform=$TARGETPLATFORM|] alpine:3.20 AS runtime
FROM [|--platform=${TARGETPLATFORM}|] scratch
