FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends [|gcc|] [|libpq-dev|] curl \
 && pip install --no-cache-dir psycopg2 && rm -rf /var/lib/apt/lists/*
CMD ["python", "app.py"]
