FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN [|microdnf install -y jq tar|]
ONBUILD RUN [|dnf install -y python3-pip|]
