# escape=`
FROM mcr.microsoft.com/windows/servercore/iis
EXPOSE 80
HEALTHCHECK CMD powershell -command `
    try { $r = Invoke-WebRequest http://localhost/ -UseBasicParsing; if ($r.StatusCode -eq 200) { exit 0 } else { exit 1 } } catch { exit 1 }
