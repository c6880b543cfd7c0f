# Only part of the install goes again, so the rest is not a temporary toolchain.
FROM debian:bookworm-slim
RUN apt-get update && [|apt-get install -y gcc libpq5|] && make -C /src && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*
