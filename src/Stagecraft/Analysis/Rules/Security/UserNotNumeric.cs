using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG276: the image runs as a user given by name rather than by numeric UID.</summary>
public sealed class UserNotNumeric : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG276", "user-not-numeric",
        "The image's USER is a name, not a numeric UID", Severity.Info, RuleCategory.Security, ["DL3066"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The USER the image runs as (the last one in the final stage and the stages it is built FROM) when its user part is a name (`USER app`, `USER app:app`) rather than a number (`USER 10001`, `USER 10001:app`). `root` is left to STG005, a USER that comes from a variable is not judged, and Windows images, whose users have no numeric ids, are skipped. Earlier USERs and builder stages do not decide who the container runs as and are left alone.",
        WhyItMatters: "Outside the image a name means nothing: Kubernetes' `runAsNonRoot` cannot verify a named user and refuses to start the pod, and `docker run --user` or volume ownership on the host go by UID. A numeric USER also keeps working if /etc/passwd changes.",
        Bad: "RUN useradd -u 10001 app\nUSER app",
        Good: "RUN useradd -u 10001 app\nUSER 10001",
        FixSafety: "No automatic fix: the UID the name stands for is set elsewhere (often in the base image).");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.ImageStages)
        {
            if (stage.IsWindows)
                return;
            for (var i = stage.Instructions.Count - 1; i >= 0; i--)
            {
                if (stage.Instructions[i] is not UserInstructionSyntax { Value: { } value } user)
                    continue;
                var name = value.Value.Split(':', 2)[0];
                if (name.Length == 0 || name.Contains('$') || name == "root" || name.All(char.IsAsciiDigit))
                    return;
                context.Report(value.Span, $"USER `{name}` is a name, which Kubernetes' runAsNonRoot and the host cannot check: use its numeric UID", stage);
                return;
            }
        }
    }
}
