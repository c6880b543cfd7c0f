# syntax=docker/dockerfile:1
# Written by `stagecraft init` for a Python 3.13.7 app (pip, port 8000).
# Build: docker build .   Run the tests: add --target test

# base is the Python image the application runs on
FROM python:3.13.7-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR /app

# test runs the tests: docker build --target test .
FROM base AS test
COPY . .
RUN python -m unittest

# runtime is the image that runs the application
FROM base AS runtime
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --no-log-init app
COPY . .
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["python", "app.py"]
