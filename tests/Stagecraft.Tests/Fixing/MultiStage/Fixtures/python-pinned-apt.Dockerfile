# expect-runtime: python:3.12-slim-bookworm
FROM python:3.12-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc=4:12.2.* libpq-dev=15.* tzdata=2024a-0+deb12u1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# gunicorn from requirements.txt
CMD ["gunicorn", "app:app"]
