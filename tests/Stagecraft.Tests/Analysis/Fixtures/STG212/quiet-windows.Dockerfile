# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN npm install -g typescript
