FROM python:3.12-windowsservercore-ltsc2022
CMD ["python"]
