FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20
ONBUILD RUN echo --platform=$TARGETPLATFORM
