FROM alpine:3.20
COPY --chown=nobody:nobody --chmod=755 entry.sh /entry.sh
RUN echo "<<EOF not a heredoc in quotes"
ENTRYPOINT ["/entry.sh"]
