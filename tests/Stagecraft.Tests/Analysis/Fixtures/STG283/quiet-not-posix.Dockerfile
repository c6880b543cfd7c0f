FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN Get-ChildItem | Select-Object Name
FROM debian:bookworm-slim
RUN ["/bin/sh", "-c", "curl -fsSL https://example.com/x | sh"]
SHELL ["pwsh", "-Command"]
RUN Get-ChildItem | Select-Object Name
