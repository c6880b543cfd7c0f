FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/pip pip install flask
RUN python -m compileall /usr/local/lib
RUN --network=none python -c "import flask"
