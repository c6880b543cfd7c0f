# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\inetpub\wwwroot
WORKDIR \app
WORKDIR c:/tools
