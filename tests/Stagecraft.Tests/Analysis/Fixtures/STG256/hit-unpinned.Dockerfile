FROM fedora:40
RUN [|dnf install -y httpd git-2.45.2|] && dnf clean all
RUN [|dnf module install -y nodejs|]
