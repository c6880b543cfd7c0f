# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
WORKDIR [|app|]
