# buildpack-deps:*-scm has no compiler: what is added to it is not part of a toolchain base.
FROM buildpack-deps:bookworm-scm
RUN apt-get update && apt-get install -y --no-install-recommends [|gcc|] && rm -rf /var/lib/apt/lists/*
