FROM alpine:3.20
RUN echo "$UNDECLARED is for the shell"
