FROM python:3.12-slim AS base
WORKDIR /app
COPY requirements.txt requirements-dev.txt ./
RUN pip install --no-cache-dir -r requirements.txt && [|pip install --no-cache-dir -r requirements-dev.txt|]

FROM base
RUN [|poetry install --no-root|] && poetry install --only main
RUN [|composer install --optimize-autoloader|] && [|bundle install|]
