FROM python:3.11 AS build

# compilers in case a package ever needs building, curl for poking at the app
RUN apt-get update
RUN apt-get install -y build-essential curl

ADD . /app

# byte-compile up front so the first request is fast
RUN cd /app && python3 -m compileall .

FROM python:3.11-slim
COPY --from=build /app /app
MAINTAINER Web Team <web-team@example.com>
ENV PORT 8000
EXPOSE 8000
CMD cd /app && python3 app.py
