# hadolint global ignore=DL3008
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# hadolint stage ignore=DL3003
# hadolint shell=powershell
RUN Get-Process
# a comment that mentions hadolint ignore=DL3008 in passing
