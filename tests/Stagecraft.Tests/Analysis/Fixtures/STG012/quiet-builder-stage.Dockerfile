FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential git
RUN make -C /src

FROM debian:bookworm-slim
COPY --from=build /src/app /usr/local/bin/app
ONBUILD RUN apt-get update && apt-get install -y gcc
