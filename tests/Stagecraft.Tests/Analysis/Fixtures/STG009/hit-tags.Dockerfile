FROM [|ubuntu|] AS a
FROM [|node:latest|] AS b
FROM [|node:20|] AS c
FROM [|python:alpine|] AS d
FROM [|debian:sid-slim|] AS e
FROM [|gcr.io/distroless/static-debian12|] AS f
FROM [|alpine:3|]
