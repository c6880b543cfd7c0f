FROM scratch
[|ENTRYPOINT ["/a"]|]
[|HEALTHCHECK CMD ["/a", "health"]|]
COPY <<EOF /a.txt
hi
EOF
[|CMD ["first"]|]
ENTRYPOINT ["/b"]
HEALTHCHECK NONE
CMD ["second"]
