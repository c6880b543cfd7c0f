# syntax=docker/dockerfile:1
FROM alpine:3.20 AS script
RUN <<EOF
#!/usr/bin/env python3
print($nope)
EOF
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN echo %nope% $nope
