FROM opensuse/leap:15.6
RUN zypper -n install curl
RUN zypper --non-interactive in git
RUN zypper install -y vim
RUN zypper in --no-confirm nano
RUN yes | zypper install less
