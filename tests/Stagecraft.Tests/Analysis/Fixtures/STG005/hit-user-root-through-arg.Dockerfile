FROM python:3.12-slim AS base
ARG RUN_AS=0
USER [|${RUN_AS}:0|]

FROM base
CMD ["python", "-m", "app"]
