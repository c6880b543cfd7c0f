FROM opensuse/leap:15.6
RUN zypper -n install -t pattern devel_basis
RUN zypper -n install --type pattern devel_C_C++
