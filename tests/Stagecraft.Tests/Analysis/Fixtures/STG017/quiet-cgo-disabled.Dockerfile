ARG CGO=0
FROM golang:1.23 AS build
ARG CGO_ENABLED=0
RUN go build -o /out/a ./a

FROM golang:1.23 AS build2
RUN CGO_ENABLED=0 go build -o /out/b ./b
RUN export CGO_ENABLED=0 && go build -o /out/c ./c
RUN go build -ldflags '-extldflags "-static"' -o /out/d ./d
RUN go build -tags netgo,osusergo -o /out/e ./e

FROM scratch
COPY --from=build /out/a /a
COPY --from=build2 /out/ /
