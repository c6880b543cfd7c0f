FROM ubuntu:24.04
ONBUILD RUN [|apt|] list --installed
