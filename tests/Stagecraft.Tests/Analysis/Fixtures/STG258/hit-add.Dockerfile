FROM node:20
ADD app.tar.gz [|app|]
ADD --chown=1000 config [|./config/|]
ADD https://example.com/a.txt /srv/a.txt
