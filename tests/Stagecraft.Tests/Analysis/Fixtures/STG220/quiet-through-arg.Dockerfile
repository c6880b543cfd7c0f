FROM ruby:3.3-slim
ARG BUNDLER_VERSION=2.5.11
ARG EXTRA_GEMS
RUN gem install bundler:$BUNDLER_VERSION $EXTRA_GEMS && gem install bundler --version "$BUNDLER_VERSION"
