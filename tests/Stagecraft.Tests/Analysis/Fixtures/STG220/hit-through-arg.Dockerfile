FROM ruby:3.3-slim
ARG GEMS="nokogiri"
RUN gem install [|$GEMS|]
