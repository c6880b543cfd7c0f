FROM node:22-slim
ENTRYPOINT ["node"]
CMD ["/app/server.js"]
ONBUILD CMD ["node", "child.js"]
