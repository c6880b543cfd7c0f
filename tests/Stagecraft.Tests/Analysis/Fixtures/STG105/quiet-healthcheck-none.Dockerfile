FROM nginx:1.27-alpine
HEALTHCHECK NONE
CMD ["nginx", "-g", "daemon off;"]
