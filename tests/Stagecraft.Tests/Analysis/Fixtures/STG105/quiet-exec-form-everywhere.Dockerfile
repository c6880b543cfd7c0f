FROM node:20-slim
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node", "server.js"]
HEALTHCHECK --interval=5s CMD ["node", "healthcheck.js"]
ONBUILD CMD ["npm", "start"]
RUN npm ci
