FROM debian:bookworm AS build
RUN mkdir /out
FROM debian:bookworm-slim
COPY --from=build /out /
COPY / /
