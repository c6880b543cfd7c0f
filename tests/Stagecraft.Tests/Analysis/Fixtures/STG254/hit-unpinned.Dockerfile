FROM opensuse/leap:15.6
RUN [|zypper -n install curl git=2.43.0|] && zypper clean --all
RUN [|zypper -n in 'vim>=9.0' nano less|]
