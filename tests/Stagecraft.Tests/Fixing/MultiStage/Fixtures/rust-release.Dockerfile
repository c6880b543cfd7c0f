# expect-runtime: debian:bookworm-slim
FROM rust:1.80-bookworm
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
CMD ["./target/release/greeter"]
