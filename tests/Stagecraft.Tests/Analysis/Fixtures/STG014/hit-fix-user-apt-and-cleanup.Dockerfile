FROM python:3.12-slim
RUN apt-get update -qq && [|apt-get install -y --no-install-recommends gcc|] \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd -g 10001 app && useradd -m -u 10001 -g app app
USER app
COPY --chown=app:app requirements.txt /home/app/
RUN [|pip install --user --no-cache-dir -r /home/app/requirements.txt|]
USER 2000
RUN [|pip install --user flask|]
