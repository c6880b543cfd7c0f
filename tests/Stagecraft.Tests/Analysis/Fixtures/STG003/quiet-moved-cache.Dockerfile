# syntax=docker/dockerfile:1
# A cache mount where a variable moved the cache satisfies the rule, as it does STG014.
FROM python:3.12-slim
# A mount on the whole home keeps every cache in it.
RUN --mount=type=cache,target=/root pip install flask
ENV PIP_CACHE_DIR=/pipcache
RUN --mount=type=cache,target=/pipcache pip install -r requirements.txt
RUN --mount=type=cache,target=/cache npm_config_cache=/cache/npm npm ci
RUN export YARN_CACHE_FOLDER=/tmp/yarn && yarn install && rm -rf /tmp/yarn
RUN pip install --no-index --find-links /wheels app
