ARG IMAGE
ARG SFX="box:"
FROM [|$IMAGE|] AS one
FROM [|busy${SFX}|] AS two
