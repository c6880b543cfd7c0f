# MAINTAINER Jane Doe used to be here
FROM alpine:3.20
RUN echo MAINTAINER
