FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install httpd && microdnf clean all
