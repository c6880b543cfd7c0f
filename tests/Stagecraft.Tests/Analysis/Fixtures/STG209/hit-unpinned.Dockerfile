FROM python:3.12-slim
RUN pip install --no-cache-dir [|flask gunicorn==22.0.0 requests|]
RUN python3 -m pip install -U [|pip|]
RUN <<EOF
set -e
pip3.12 install --index-url https://pypi.example.com/simple [|boto3|]
pip install [|git+https://github.com/org/repo.git|]
EOF
ONBUILD RUN pip install [|django|]
