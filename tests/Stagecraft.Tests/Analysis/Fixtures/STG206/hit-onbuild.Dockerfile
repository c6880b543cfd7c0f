FROM nginx:1.27-alpine
ONBUILD COPY [|site.tar.bz2|] /srv/
ONBUILD RUN tar xjf /srv/site.tar.bz2 -C /usr/share/nginx/html
