# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN ps
ONBUILD RUN kill 1
