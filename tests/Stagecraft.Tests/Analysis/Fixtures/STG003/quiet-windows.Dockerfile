# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN pip install requests
ONBUILD RUN pip install requests
