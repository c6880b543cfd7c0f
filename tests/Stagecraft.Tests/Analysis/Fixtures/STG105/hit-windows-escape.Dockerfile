# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD [|powershell -Command Start-Service W3SVC|]
