FROM rust:1.79 AS build
RUN cargo build --target wasm32-wasi --release

FROM scratch
ENTRYPOINT [ "app.wasm" ]
COPY --link --from=build /src/target/wasm32-wasi/release/app.wasm /app.wasm
