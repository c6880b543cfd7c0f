FROM python:3.12-alpine AS base
RUN [|apk add curl|]
RUN [|pip install requests|] && [|pip3 install --upgrade pip|]

FROM base
RUN [|python3 -m pip install flask|]
CMD ["python3", "-m", "flask", "run"]
