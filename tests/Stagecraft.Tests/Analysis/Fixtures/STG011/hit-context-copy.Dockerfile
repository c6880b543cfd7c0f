FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN [|rm -rf tests|] && rm -rf build
