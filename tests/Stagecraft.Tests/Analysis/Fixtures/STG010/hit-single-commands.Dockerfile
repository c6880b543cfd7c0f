FROM alpine:3.20
RUN mkdir -p /app
[|RUN chown nobody /app|]

[|RUN touch /app/ready|]
CMD ["sh"]
