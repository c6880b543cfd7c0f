# expect-runtime: python:3.11-slim-bookworm
FROM python:3.11-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY src/ /opt/service/
WORKDIR /opt/service
CMD ["python", "-m", "service"]
