FROM opensuse/leap:15.5
RUN [|zypper -n dist-upgrade|]
RUN zypper ref && [|zypper --non-interactive dup --no-recommends|]
