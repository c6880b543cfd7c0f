FROM node:20 AS assets
RUN npm run build

FROM [|python|]
COPY --from=assets /dist /static
