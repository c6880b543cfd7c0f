# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN apk add curl
