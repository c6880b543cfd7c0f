FROM python:3.12-alpine
COPY requirements.txt .
# Same temporary toolchain, but after a copy from the build context: it reruns whenever requirements.txt changes.
RUN [|apk add --virtual .build-deps gcc musl-dev|] && [|pip install -r requirements.txt|] && apk del .build-deps
RUN [|pip install --upgrade pip flask|]
RUN [|npm install -g npm@10 typescript|]
