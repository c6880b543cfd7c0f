FROM fedora:40
RUN <<EOF
[|sudo dnf --setopt=install_weak_deps=False install git|]
EOF
ONBUILD RUN [|dnf localinstall /tmp/app.rpm|]
