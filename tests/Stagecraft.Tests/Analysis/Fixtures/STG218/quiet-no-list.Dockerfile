FROM ghcr.io/org/base:1.0
FROM quay.io/org/tool:2
