ARG BASE=builder
FROM golang:1.22.5 AS builder
FROM ${BASE}
