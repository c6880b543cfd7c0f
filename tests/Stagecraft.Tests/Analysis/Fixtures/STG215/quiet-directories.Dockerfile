FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY a.txt b.txt .
COPY a.txt b.txt /app
COPY a.txt b.txt /srv/data/
COPY ["x.json", "y.json", "/etc/conf/"]
