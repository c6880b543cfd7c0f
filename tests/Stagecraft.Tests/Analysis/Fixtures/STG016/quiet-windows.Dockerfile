FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY package.json package-lock.json C:/app/
RUN npm install
