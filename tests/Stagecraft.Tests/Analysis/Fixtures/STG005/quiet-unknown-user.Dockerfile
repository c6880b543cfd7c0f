FROM python:3.12-slim
ARG APP_USER
USER ${APP_USER}
CMD ["python", "-m", "app"]
