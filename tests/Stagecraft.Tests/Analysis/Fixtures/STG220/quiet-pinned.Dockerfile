FROM ruby:3.3-slim
COPY vendor/ /vendor/
RUN gem install bundler:2.5.11 && gem install rails -v 7.1.3 && gem install puma --version=6.4.2 \
    && gem install /vendor/tool-1.0.gem && gem install -g Gemfile && gem update --system 3.5.11
