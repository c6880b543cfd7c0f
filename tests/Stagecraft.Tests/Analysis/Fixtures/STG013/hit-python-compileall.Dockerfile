FROM python:3.11
RUN apt-get update
RUN apt-get install -y build-essential curl
ADD . /app
RUN cd /app && [|python3 -m compileall .|]
CMD ["python3", "/app/app.py"]
