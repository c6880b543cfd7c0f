# An app that removes its compiler but keeps the headers: the build RUN installs project dependencies rather than
# compiling a program, and the library only needs its runtime package (libpq), not postgresql-dev.
FROM python:3.12-alpine
RUN apk add --no-cache [|postgresql-dev|]
COPY requirements.txt .
RUN apk add --no-cache --virtual .build-deps gcc musl-dev \
	&& pip install --no-cache-dir -r requirements.txt \
	&& apk del .build-deps
CMD ["python", "app.py"]
