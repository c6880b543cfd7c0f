# expect-runtime: python:3.12-alpine
FROM python:3.12-alpine
RUN apk add --no-cache gcc musl-dev libffi-dev
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --user -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
