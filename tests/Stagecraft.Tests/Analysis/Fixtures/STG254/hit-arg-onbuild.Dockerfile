FROM opensuse/leap:15.6
ARG PKG=curl
RUN [|zypper -n install ${PKG}|]
ONBUILD RUN [|zypper -n install jq|]
