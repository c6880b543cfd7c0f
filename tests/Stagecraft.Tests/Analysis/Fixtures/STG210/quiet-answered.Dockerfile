FROM debian:12-slim
RUN apt-get install -y curl && apt-get install --yes git && apt-get --assume-yes install make \
    && apt-get -qq install gcc && apt-get -q -q install g++ && apt-get -q=2 install patch \
    && apt-get -o APT::Get::Assume-Yes=true install less && apt-get -s install vim \
    && yes | apt-get install nano && apt-get install -qy wget
