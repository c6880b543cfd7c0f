arg version=3.20
from alpine:${version}
run echo hi
[|COPY|] a /a
[|Workdir|] /app
