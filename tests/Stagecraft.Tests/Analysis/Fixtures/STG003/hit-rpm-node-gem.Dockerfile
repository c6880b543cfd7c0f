FROM rockylinux:9.3
RUN [|yum install -y nodejs|]
RUN [|dnf -y upgrade|] && [|microdnf install -y jq|]
RUN [|zypper --non-interactive install git|]
RUN [|npm ci|]
RUN [|yarn install --frozen-lockfile|]
RUN [|gem install bundler|]
