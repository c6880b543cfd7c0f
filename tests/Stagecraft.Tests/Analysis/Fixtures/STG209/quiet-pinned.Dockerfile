FROM python:3.12-slim
COPY . /src
RUN pip install -r /src/requirements.txt && pip install --requirement=/src/dev.txt \
    && pip install -c /src/constraints.txt flask \
    && pip install . && pip install -e /src/plugin && pip install ./vendor/pkg /src/dist/app-1.0-py3-none-any.whl \
    && pip install "django>=4.2,<5" numpy~=1.26 git+https://github.com/org/repo.git@v1.2.0 https://example.com/pkg-1.0.tar.gz
