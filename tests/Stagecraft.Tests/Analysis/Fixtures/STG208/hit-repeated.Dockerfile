FROM nginx:1.27-alpine
HEALTHCHECK CMD wget -q --spider http://localhost/
EXPOSE 80
[|HEALTHCHECK --interval=10s CMD wget -q --spider http://localhost/healthz|]
