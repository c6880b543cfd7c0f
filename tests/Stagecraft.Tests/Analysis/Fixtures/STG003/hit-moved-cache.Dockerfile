# syntax=docker/dockerfile:1
# The mount is where pip would cache by default, but PIP_CACHE_DIR sent the cache elsewhere; a mount inside the
# cache keeps only part of it; an export after the install is too late.
FROM python:3.12-slim
ENV PIP_CACHE_DIR=/pipcache
RUN --mount=type=cache,target=/root/.cache/pip [|pip install flask|]
RUN --mount=type=cache,target=/pipcache/http [|pip install requests|]
RUN [|npm ci|] && export npm_config_cache=/tmp/npm && rm -rf /tmp/npm
