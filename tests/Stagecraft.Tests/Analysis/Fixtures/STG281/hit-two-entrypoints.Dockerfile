FROM python:3.12-slim
ENTRYPOINT ["/docker-entrypoint.sh"]
[|ENTRYPOINT ["python", "app.py"]|]
