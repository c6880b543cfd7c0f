namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG101: <c>FROM … as name</c> with the AS keyword in another case than FROM; BuildKit's FromAsCasing.</summary>
public sealed class FromAsCasingMismatch : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG101", "from-as-casing-mismatch",
        "`AS` written in another case than its `FROM`", Severity.Style, RuleCategory.Maintainability, ["FromAsCasing"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`FROM image as name` where FROM is upper case and `as` is not, or `from image AS name` the other way round. A FROM keyword in mixed case (`From`) is left to STG102, as BuildKit's `FromAsCasing` check does.",
        WhyItMatters: "Keywords in one case are easier to scan, and `as` in lower case next to an upper-case `FROM` reads like part of the image name.",
        Bad: "FROM node:22-slim as build",
        Good: "FROM node:22-slim AS build",
        FixSafety: "Safe: rewrites the AS keyword in the case of its FROM.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var from = stage.From;
            if (from.AsKeyword is not { } asKeyword)
                continue;
            var keyword = from.Keyword;
            string wanted;
            if (keyword == keyword.ToLowerInvariant())
                wanted = "as";
            else if (keyword == keyword.ToUpperInvariant())
                wanted = "AS";
            else
                continue;
            if (asKeyword.Value == wanted)
                continue;
            context.Report(asKeyword.Span, $"`{asKeyword.Value}` does not match the case of `{keyword}`: write `{wanted}`", stage,
                new Fix($"Write `{wanted}`", FixSafety.Safe, [new TextEdit(asKeyword.Span, wanted)]));
        }
    }
}
