FROM python:3.12
RUN pip install --no-cache-dir gunicorn
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
CMD ["gunicorn", "app:app"]
