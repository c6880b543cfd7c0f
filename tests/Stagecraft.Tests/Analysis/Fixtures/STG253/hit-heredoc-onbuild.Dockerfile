FROM opensuse/tumbleweed
RUN <<EOF
[|zypper -n dup|]
EOF
ONBUILD RUN [|zypper -n dist-upgrade|]
