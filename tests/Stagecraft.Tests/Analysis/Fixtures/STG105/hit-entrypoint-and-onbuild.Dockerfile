FROM python:3.12-slim AS base
ENTRYPOINT [|python -m app --port "$PORT"|]
ONBUILD CMD [|gunicorn app:app|]
