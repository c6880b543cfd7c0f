# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
USER ContainerAdministrator
CMD ["cmd", "/c", "app.exe"]
