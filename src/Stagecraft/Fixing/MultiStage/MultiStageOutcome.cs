using Stagecraft.Analysis;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>The result of a multi-stage rewrite: the fix, or why the file was left alone.</summary>
public sealed record MultiStageOutcome(Fix? Fix, string? Refusal)
{
    public static MultiStageOutcome Refused(string reason) => new(null, reason);

    public bool IsRewritten => Fix is not null;
}
