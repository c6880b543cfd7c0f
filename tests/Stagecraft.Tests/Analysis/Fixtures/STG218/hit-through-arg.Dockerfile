ARG REGISTRY=ghcr.io/org
FROM [|${REGISTRY}/app:1.0|]
