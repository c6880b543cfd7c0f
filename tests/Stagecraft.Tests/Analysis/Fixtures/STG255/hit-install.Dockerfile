FROM fedora:40
RUN [|dnf install httpd|] && dnf clean all
RUN [|dnf group install "Development Tools"|]
RUN [|dnf module install nodejs:18|]
