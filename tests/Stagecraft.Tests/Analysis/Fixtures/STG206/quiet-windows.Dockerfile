# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY tools.tar.gz C:/tmp/
RUN tar -xzf C:/tmp/tools.tar.gz -C C:/tools
