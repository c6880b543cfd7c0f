FROM node:22-slim
ONBUILD COPY --from=Assets /static /app/static
RUN echo "AS Build is just text here"
