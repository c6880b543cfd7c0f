FROM alpine:3.20
CMD echo one
ENTRYPOINT ["/entrypoint.sh"]
[|CMD echo two|]
[|CMD ["three"]|]
