FROM python:3.12-slim
COPY requirements.txt /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libpq-dev \
 && pip install --no-cache-dir -r /tmp/requirements.txt \
 && apt-get purge -y gcc libpq-dev && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*
CMD ["python", "-m", "app"]
