FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD [|["C:\app\run.exe"]|]
