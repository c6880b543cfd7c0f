ARG [|NPM_TOKEN|]
FROM node:20
ARG [|GITHUB_TOKEN|] VERSION=1
ENV [|DB_PASSWORD|]=secret [|api-key|]=x PORT=8080
ENV [|Private_Key|] ----
