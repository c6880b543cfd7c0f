FROM ruby:3.3-slim
RUN gem install [|bundler|]
RUN gem install --no-document [|rails rake:13.2.1 puma|]
RUN <<EOF
set -e
gem i -N [|foreman|]
EOF
ONBUILD RUN gem install [|rubocop|]
