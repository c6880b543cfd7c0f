# syntax=docker/dockerfile:1
FROM maven:3.9-eclipse-temurin-21 AS build
ENV GOMODCACHE=/cache/mod
RUN --mount=type=cache,target=/root/.m2/repository mvn -B package
RUN --mount=type=cache,target=/cache/mod go mod download
RUN --mount=type=cache,target=/home/app/.npm npm ci
RUN --mount=type=cache,target=/root pip install flask
RUN pip install --no-index --find-links /wheels app
RUN dotnet publish --no-restore -o /out

FROM scratch
COPY --from=build /out /app
