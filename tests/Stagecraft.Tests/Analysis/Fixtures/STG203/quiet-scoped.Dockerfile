FROM debian:12-slim
RUN (cd /opt && ls) && echo "$(cd /etc && pwd)"
RUN for d in a b; do cd "/srv/$d"; make; done
RUN if [ -d /x ]; then cd /x; fi
RUN cd - && cd
