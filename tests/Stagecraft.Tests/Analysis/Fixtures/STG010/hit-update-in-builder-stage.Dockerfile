FROM debian:bookworm AS build
# refresh the package index
RUN [|apt-get update -q|]
# then install the compiler
RUN apt-get install -y gcc && gcc --version
RUN gcc -o /hello /src/hello.c

FROM scratch
COPY --from=build /hello /hello
