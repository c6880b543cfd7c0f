FROM golang:1.23 AS tools
RUN go build -o /out/tool ./tool
ONBUILD RUN go build -o /out/other .

FROM scratch
COPY config.yaml /config.yaml

FROM golang:1.23 AS certs
WORKDIR /src
RUN go build -o bin/app . && cp /etc/ssl/certs/ca-certificates.crt /ca.crt

FROM scratch AS final
COPY --from=certs /ca.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=tools /out/tool.txt /tool.txt
