# expect-runtime: python:3.11-slim-bookworm
FROM python:3.11-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY src/ /opt/service/
WORKDIR /opt/service

FROM python:3.11-slim-bookworm
WORKDIR /opt/service
COPY --from=build /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages
COPY --from=build /usr/local/bin /usr/local/bin
COPY --from=build /opt/service /opt/service
CMD ["python", "-m", "service"]
