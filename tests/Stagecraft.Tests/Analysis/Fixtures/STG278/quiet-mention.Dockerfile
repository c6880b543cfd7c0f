FROM alpine:3.20
# MAINTAINER is not used
RUN echo MAINTAINER
