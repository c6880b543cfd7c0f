# expect-runtime: debian:bookworm-slim
FROM rust:1.80-bookworm AS build
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/release/greeter /usr/src/app/target/release/greeter
CMD ["./target/release/greeter"]
