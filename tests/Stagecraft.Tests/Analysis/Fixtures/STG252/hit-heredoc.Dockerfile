FROM opensuse/leap:15.6
RUN <<EOF
zypper --gpg-auto-import-keys refresh
[|zypper --gpg-auto-import-keys in -l git|]
EOF
