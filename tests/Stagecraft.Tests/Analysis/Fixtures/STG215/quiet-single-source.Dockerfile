FROM node:20-slim
COPY *.json /app
COPY --from=build /out /srv
ARG DEST
COPY a b $DEST
