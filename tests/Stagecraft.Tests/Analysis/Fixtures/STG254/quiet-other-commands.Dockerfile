FROM opensuse/leap:15.6
RUN zypper -n refresh && zypper -n remove vim
RUN ["zypper", "-n", "install", "curl"]
