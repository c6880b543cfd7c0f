# expect-runtime: python:3.12-alpine
FROM python:3.12-alpine AS build
RUN apk add --no-cache gcc musl-dev libffi-dev
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --user -r requirements.txt
COPY . .

FROM python:3.12-alpine
WORKDIR /app
RUN apk add --no-cache libffi
COPY --from=build /root/.local /root/.local
COPY --from=build /app /app
CMD ["python", "-m", "app"]
