using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG275: <c>FROM --platform=$TARGETPLATFORM</c>, which says what FROM does anyway.</summary>
public sealed class PlatformFlagRepeatsTargetPlatform : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG275", "platform-flag-repeats-target-platform",
        "`FROM --platform=$TARGETPLATFORM` repeats the default", Severity.Warning, RuleCategory.Maintainability, ["DL3065"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A FROM whose `--platform` is written `$TARGETPLATFORM` or `${TARGETPLATFORM}`.",
        WhyItMatters: "FROM pulls the image for the target platform unless told otherwise, so the flag changes nothing; it also looks like the usual `--platform=$BUILDPLATFORM` of a cross-compiling stage, and readers may take one for the other.",
        Bad: "FROM --platform=$TARGETPLATFORM alpine:3.20",
        Good: "FROM alpine:3.20",
        FixSafety: "Safe: removes the flag.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Platform is not { Value: "$TARGETPLATFORM" or "${TARGETPLATFORM}" } flag)
                continue;
            var end = flag.Span.End;
            var bytes = context.Tree.Source.RawBytes;
            while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t')
                end++;
            context.Report(flag.Span, $"`--platform={flag.Value}` is what FROM uses anyway: remove it", stage,
                new Fix("Remove the --platform flag", FixSafety.Safe, [TextEdit.Delete(TextSpan.FromBounds(flag.Span.Start, end))]));
        }
    }
}
