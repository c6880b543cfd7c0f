FROM node:20 AS build
USER node
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
USER ContainerUser
