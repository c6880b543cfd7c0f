FROM node:20.11.1-slim AS a
FROM python:3.12-slim-bookworm AS b
FROM debian:bookworm-slim AS c
FROM ubuntu:22.04 AS d
FROM alpine:3.20 AS e
FROM golang:1.22-alpine3.19 AS f
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS g
FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS h
FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS i
FROM ubuntu:jammy-20240125 AS j
FROM scratch AS k
FROM a
