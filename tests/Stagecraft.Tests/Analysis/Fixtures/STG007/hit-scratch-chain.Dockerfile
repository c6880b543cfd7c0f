FROM [|scratch|] AS base
COPY app /app

FROM base
CMD ["/app"]
