# without a lookup the rule cannot tell and stays quiet
FROM myorg/base:1
