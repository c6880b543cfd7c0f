# syntax=docker/dockerfile:1
# A mount counts only where the manager really caches: a target that merely contains "pip" does not, nor the default
# folder once PIP_CACHE_DIR moved the cache, nor a tmpfs (empty on every build).
FROM python:3.12-slim
RUN --mount=type=cache,target=/tmp/pip-wheels [|pip install flask|]
RUN --mount=type=tmpfs,target=/root/.cache/pip [|pip install requests|]
ENV PIP_CACHE_DIR=/pipcache
RUN --mount=type=cache,target=/root/.cache/pip [|pip install gunicorn|]
RUN [|aptitude install -y curl|] && [|zypper install -y jq|]
