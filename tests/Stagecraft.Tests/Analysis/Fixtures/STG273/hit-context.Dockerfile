FROM alpine:3.20 AS [|Context|]
FROM alpine:3.20
