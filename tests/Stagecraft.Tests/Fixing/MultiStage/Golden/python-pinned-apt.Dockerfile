# expect-runtime: python:3.12-slim-bookworm
FROM python:3.12-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc=4:12.2.* libpq-dev=15.* tzdata=2024a-0+deb12u1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

FROM python:3.12-slim-bookworm
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tzdata=2024a-0+deb12u1 libpq5=15.* && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
COPY --from=build /usr/local/bin /usr/local/bin
COPY --from=build /app /app
# gunicorn from requirements.txt
CMD ["gunicorn", "app:app"]
