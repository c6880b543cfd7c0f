FROM [|myorg/base:1|]
RUN make
