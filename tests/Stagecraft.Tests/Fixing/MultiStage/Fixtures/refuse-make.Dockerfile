# expect-refusal: no runtime is known for `make`
FROM gcc:13
WORKDIR /src
COPY . .
RUN make
CMD ["./server"]
