using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG278: the MAINTAINER instruction, deprecated in favour of a label.</summary>
public sealed class MaintainerInstruction : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG278", "maintainer-instruction",
        "MAINTAINER is deprecated", Severity.Error, RuleCategory.Maintainability, ["DL4000"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Every MAINTAINER instruction, at hadolint's severity (error). ONBUILD MAINTAINER is a build error (STG000) instead.",
        WhyItMatters: "MAINTAINER has been deprecated since Docker 1.13: it fills the image's `Author` field, which tools no longer read. The `org.opencontainers.image.authors` label carries the same information where registries and scanners look for it.",
        Bad: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>",
        Good: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"",
        FixSafety: "Unsafe: replaces the instruction with `LABEL org.opencontainers.image.authors=\"…\"`; the image gains the label and loses its `Author` field, which anything reading `docker inspect --format '{{.Author}}'` notices. No fix for a MAINTAINER continued over several lines.");

    public override void Check(RuleContext context)
    {
        foreach (var instruction in context.Tree.Root.Instructions)
        {
            if (instruction is not MaintainerInstructionSyntax maintainer)
                continue;
            var span = TextSpan.FromBounds(maintainer.KeywordSpan.Start, Math.Max(maintainer.KeywordSpan.End, maintainer.ArgumentsSpan.End));
            var value = maintainer.ArgumentsText.Trim();
            Fix? fix = null;
            if (value.Length > 0 && maintainer.StartLine == maintainer.EndLine)
            {
                var escape = context.Tree.Root.EscapeCharacter;
                var quoted = value.Replace(escape.ToString(), escape.ToString() + escape).Replace("\"", escape + "\"").Replace("$", escape + "$");
                fix = new Fix("Use the org.opencontainers.image.authors label", FixSafety.Unsafe,
                    [new TextEdit(span, $"LABEL org.opencontainers.image.authors=\"{quoted}\"")]);
            }
            context.Report(span, "MAINTAINER is deprecated: set the `org.opencontainers.image.authors` label instead", fix: fix);
        }
    }
}
