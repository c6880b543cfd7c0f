FROM postgres:16
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db GITHUB_TOKEN_PATH=/run/secrets/gh SECRETS_DIR=/run/secrets
