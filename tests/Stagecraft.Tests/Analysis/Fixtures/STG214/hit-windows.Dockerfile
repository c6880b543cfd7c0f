# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
[|ADD|] app.zip C:/app/
[|ADD|] <<EOF C:/app/config.txt
key=value
EOF
