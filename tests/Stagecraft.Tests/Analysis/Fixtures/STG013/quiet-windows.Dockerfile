FROM mcr.microsoft.com/dotnet/framework/sdk:4.8
WORKDIR /app
COPY . .
RUN dotnet publish -c Release -o out
