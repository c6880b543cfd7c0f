FROM python:3.12-slim AS build
USER nobody
RUN pip install --user flask

[|FROM python:3.12-slim|] AS app
COPY app.py /app/
CMD ["python", "/app/app.py"]
