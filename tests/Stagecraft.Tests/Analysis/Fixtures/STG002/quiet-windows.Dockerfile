# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY . C:\src
RUN choco install -y git
RUN apt-get install -y git
