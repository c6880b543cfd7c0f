FROM nginx:1.27
CMD ["nginx", "-t"]
[|CMD ["nginx", "-g", "daemon off;"]|]
