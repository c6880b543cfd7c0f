using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG112: <c>FROM --platform=$TARGETPLATFORM</c>, which is the default; BuildKit's RedundantTargetPlatform.</summary>
public sealed class RedundantTargetPlatform : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG112", "redundant-target-platform",
        "`FROM --platform=$TARGETPLATFORM` repeats the default", Severity.Info, RuleCategory.Maintainability, ["RedundantTargetPlatform"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A FROM whose `--platform` is exactly `$TARGETPLATFORM` or `${TARGETPLATFORM}`. BuildKit's `RedundantTargetPlatform` check.",
        WhyItMatters: "A stage is built for the target platform unless told otherwise, so the flag changes nothing; it only suggests that something platform-specific happens here. `--platform=$BUILDPLATFORM` is the one that matters, for stages that run build tools natively.",
        Bad: "FROM --platform=$TARGETPLATFORM alpine:3.20 AS runtime",
        Good: "FROM alpine:3.20 AS runtime",
        FixSafety: "Safe: removes the flag.");

    private const string TargetPlatform = "TARGETPLATFORM";

    public override void Check(RuleContext context)
    {
        var global = context.Model.GlobalScope;
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Platform is not { Value: { } value } flag)
                continue;
            var expanded = WordExpander.ExpandWord(value, global, SemanticModel.ExpansionOptionsFor(context.Tree));
            if (!expanded.Succeeded || expanded.Unmatched.Count != 0 || expanded.Matched.Count != 1 || !expanded.Matched.Contains(TargetPlatform)
                || !global.TryGetValue(TargetPlatform, out var target) || expanded.Value != target)
                continue;
            context.Report(flag.Span, $"`--platform={value}` is what FROM uses anyway: remove it", stage,
                new Fix("Remove the --platform flag", FixSafety.Safe, [TextEdit.Delete(WithTrailingBlanks(context.Tree, flag.Span))]));
        }
    }

    private static TextSpan WithTrailingBlanks(SyntaxTree tree, TextSpan span)
    {
        var bytes = tree.Source.RawBytes;
        var end = span.End;
        while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t')
            end++;
        return TextSpan.FromBounds(span.Start, end);
    }
}
