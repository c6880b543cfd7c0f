FROM nginx:1.27
COPY [|config/nginx.conf|] /etc/nginx/nginx.conf
ADD [|/README.md|] /docs/
COPY --from=nginx:1.27 /etc/nginx/config/x /x
COPY src/ /src/
