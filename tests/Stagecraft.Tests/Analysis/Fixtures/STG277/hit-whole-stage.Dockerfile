FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y make
FROM debian:bookworm-slim
COPY --from=build [|/ /|]
