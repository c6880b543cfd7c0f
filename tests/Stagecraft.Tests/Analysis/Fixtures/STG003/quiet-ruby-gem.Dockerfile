ARG RUBY_VERSION=3.3
FROM ruby:${RUBY_VERSION}-slim
RUN gem install rails
