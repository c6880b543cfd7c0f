# python:3.12 is built on buildpack-deps, but an app on it that adds build tools still keeps them: still a finding.
FROM python:3.12
COPY . /app
RUN apt-get update && apt-get install -y --no-install-recommends [|make|] [|libpq-dev|] && rm -rf /var/lib/apt/lists/*
CMD ["python", "/app/main.py"]
