FROM python:3.12
ENV TOKENIZERS_PARALLELISM=false PUBLIC_KEY_URL=https://example.com/key PRIVATE_REGISTRY=registry.example.com
ARG USERNAME=vscode
