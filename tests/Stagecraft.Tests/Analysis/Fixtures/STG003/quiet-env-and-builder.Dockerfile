FROM python:3.12-slim AS build
RUN apt-get update && apt-get install -y build-essential
RUN pip install -r requirements.txt

FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
RUN export PIP_NO_CACHE_DIR=off && pip install flask
COPY --from=build /usr/local/lib/python3.12 /usr/local/lib/python3.12
