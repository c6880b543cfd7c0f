FROM node:22-slim
ARG [|NPM_TOKEN|]
ENV [|DB_PASSWORD|]=changeme [|api_key|]=x
ONBUILD ARG [|GITHUB_TOKEN|]
