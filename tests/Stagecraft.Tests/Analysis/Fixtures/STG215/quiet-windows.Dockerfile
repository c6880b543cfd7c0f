# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY a.dll b.dll C:\app\
