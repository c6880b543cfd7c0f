FROM python:3.12-slim
ARG TOOLS="black ruff==0.5.0"
RUN pipx install [|$TOOLS|]
