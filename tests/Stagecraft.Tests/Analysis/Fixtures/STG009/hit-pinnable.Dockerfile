# Each of these has an unsafe fix to the known precise release.
ARG NODE_MAJOR=20
FROM [|node:${NODE_MAJOR}|] AS deps
FROM [|python:3-slim|] AS tools
FROM [|golang:alpine|] AS go
FROM [|eclipse-temurin:21-jre|] AS jre
FROM [|mcr.microsoft.com/dotnet/aspnet|] AS dotnet
FROM [|node:lts-alpine|]
COPY --from=deps /app /app
