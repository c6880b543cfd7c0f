FROM alpine:3.20
RUN ["sh", "-c", "echo $nope"]
SHELL ["pwsh", "-Command"]
RUN Write-Host $env:nope
