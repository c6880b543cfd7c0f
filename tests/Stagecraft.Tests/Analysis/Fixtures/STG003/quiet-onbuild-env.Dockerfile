FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
ONBUILD COPY requirements.txt /app/
ONBUILD RUN pip install -r /app/requirements.txt
