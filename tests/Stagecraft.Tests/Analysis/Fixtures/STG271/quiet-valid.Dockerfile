FROM alpine:3.20
LABEL maintainer=team@example.com
LABEL maintainer=first.last+tag@sub.example.co.uk
LABEL maintainer=ops@[192.168.0.1]
