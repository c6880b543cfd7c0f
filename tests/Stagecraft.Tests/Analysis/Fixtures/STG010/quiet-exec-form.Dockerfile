FROM alpine:3.20
RUN ["mkdir", "-p", "/app"]
RUN ["touch", "/app/ready"]
