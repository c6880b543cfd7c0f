FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go get [|github.com/stretchr/testify|] && go install github.com/me/app/cmd/tool
RUN <<EOF
go get -d [|golang.org/x/net/http2@latest|]
EOF
