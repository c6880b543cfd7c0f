FROM python:3.12-alpine
HEALTHCHECK --interval=5s CMD ["wget", "-q", "-O-", "http://localhost:8080"]
CMD ["python", "-m", "http.server", "8080"]
