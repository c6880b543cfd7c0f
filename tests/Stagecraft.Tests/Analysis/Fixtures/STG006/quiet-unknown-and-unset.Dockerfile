ARG PY
FROM python:${PY} AS a

FROM mycorp/python:3.12
