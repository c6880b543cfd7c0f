FROM golang:1.22
RUN go install [|golang.org/x/tools/gopls|]
RUN go install [|github.com/wadey/gocovmerge@latest|]
RUN GO111MODULE=off go get -u [|github.com/golang/lint/golint|]
RUN go run [|github.com/a/b/cmd/c|] -flag value
ONBUILD RUN go install [|honnef.co/go/tools/cmd/staticcheck@upgrade|]
