FROM python:3.12 AS base
RUN useradd -u 10001 app
USER [|app|]
FROM base
CMD ["python", "app.py"]
