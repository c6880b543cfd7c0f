FROM opensuse/leap:15.6
RUN zypper refresh && zypper search curl && zypper info git
RUN zypper lr
