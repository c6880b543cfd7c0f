FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY setup.exe C:/tmp/setup.exe
RUN C:/tmp/setup.exe /quiet
RUN del C:\tmp\setup.exe
