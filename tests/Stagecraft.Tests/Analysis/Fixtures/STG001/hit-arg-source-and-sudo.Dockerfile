FROM ruby:3.3-slim
ARG SRC=.
WORKDIR /app
COPY ${SRC} /app/
RUN [|sudo -E bundle install --jobs 4|]
