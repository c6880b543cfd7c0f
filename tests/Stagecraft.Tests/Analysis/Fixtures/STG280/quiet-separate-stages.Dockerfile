FROM alpine:3.20 AS base
CMD ["sh"]
FROM base
CMD ["app"]
