using System.Text;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG106: the deprecated MAINTAINER instruction; BuildKit's MaintainerDeprecated.</summary>
public sealed class DeprecatedMaintainer : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG106", "deprecated-maintainer",
        "Deprecated MAINTAINER instruction", Severity.Error, RuleCategory.Maintainability, ["MaintainerDeprecated", "DL4000"]);

    private const string AuthorsLabel = "org.opencontainers.image.authors";

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Every `MAINTAINER` instruction. BuildKit's `MaintainerDeprecated` check (a warning there) and hadolint's DL4000 (an error); one finding answers to both and carries the stricter default, error.",
        WhyItMatters: "MAINTAINER has been deprecated since Docker 1.13. It fills the image's legacy `Author` field, which registries and scanners do not show; the OCI label `org.opencontainers.image.authors` is what they read.",
        Bad: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>",
        Good: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"",
        FixSafety: "Unsafe: replaces the instruction with `LABEL org.opencontainers.image.authors=\"…\"`, so the image gains the label and loses its `Author` field; anything that reads `docker inspect --format '{{.Author}}'` sees the change.");

    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Tree.Root.Instructions)
        {
            if (instruction is not MaintainerInstructionSyntax { Value: { } value } maintainer)
                continue;
            var span = TextSpan.FromBounds(maintainer.KeywordSpan.Start, maintainer.ArgumentsSpan.End);
            Fix? fix = null;
            if (context.Tree.Root.EscapeCharacter == '\\' && !context.Tree.GetText(span).Contains('\n'))
            {
                var label = $"LABEL {AuthorsLabel}=\"{Escape(value.Value)}\"";
                fix = new Fix($"Use the {AuthorsLabel} label", FixSafety.Unsafe, [new TextEdit(span, label)]);
            }
            context.Report(span, $"MAINTAINER is deprecated: use `LABEL {AuthorsLabel}=\"{value.Value}\"`", fix: fix);
        }
    }

    /// <summary>Inside double quotes BuildKit's lexer treats <c>"</c>, <c>$</c> and <c>\</c> specially; MAINTAINER took them literally.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '"' or '$' or '\\')
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
