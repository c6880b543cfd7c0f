ARG TAG
FROM [|busybox:${TAG}|]
