FROM node:20-slim
ENTRYPOINT [|exec node app.js|]
CMD [|node server.js --port 8080|]
HEALTHCHECK --interval=5s CMD [|curl -f http://localhost/ || exit 1|]
ONBUILD CMD [|npm start|]
