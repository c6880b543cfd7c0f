FROM nginx:1.27-alpine AS one
HEALTHCHECK CMD wget -q --spider http://localhost/
FROM nginx:1.27-alpine AS two
HEALTHCHECK CMD wget -q --spider http://localhost/
