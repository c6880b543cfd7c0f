[|FROM nginx:1.27|]
ONBUILD HEALTHCHECK CMD curl -f http://localhost/
