FROM python:3.12-slim
ENV PIP_CONSTRAINT=/constraints.txt
COPY constraints.txt /constraints.txt
RUN pip install flask gunicorn
FROM python:3.12-slim AS other
RUN export PIP_CONSTRAINT=/c.txt && pip install flask
RUN PIP_CONSTRAINT=/c.txt pip install requests && pipenv install && uv pip install httpx
