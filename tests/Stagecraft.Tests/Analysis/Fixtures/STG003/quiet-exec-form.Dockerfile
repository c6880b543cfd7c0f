FROM python:3.12-slim
RUN ["apt-get", "update"]
RUN ["pip", "install", "requests"]
