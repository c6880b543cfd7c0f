FROM scratch AS files
COPY [|$foo|] /
ARG foo=bar
COPY $foo /
LABEL description="costs [|$5|]"
