FROM nginx:1.27
COPY config/nginx.conf /etc/nginx/nginx.conf
