namespace Stagecraft.Fixing.MultiStage;

/// <summary>One <c>COPY --from=build</c> into the runtime stage; both paths absolute.</summary>
internal sealed record StageCopy(string Source, string Destination);
