FROM opensuse/leap:15.6
RUN echo "zypper dup is not used here"
