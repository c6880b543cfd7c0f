using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG117: <c>EXPOSE 80/TCP</c>, a protocol not in lower case; BuildKit's ExposeProtoCasing.</summary>
public sealed class ExposeProtocolNotLowercase : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG117", "expose-protocol-not-lowercase",
        "EXPOSE protocol not in lower case", Severity.Style, RuleCategory.Maintainability, ["ExposeProtoCasing"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An EXPOSE port whose protocol (`tcp`, `udp`, `sctp`) has capitals, after ARG and ENV expansion, ONBUILD triggers included. BuildKit's `ExposeProtoCasing` check.",
        WhyItMatters: "BuildKit lower-cases the protocol when it records the port, so `80/TCP` and `80/tcp` are the same; the documented spelling is lower case, and tools that compare port specs as text expect it.",
        Bad: "FROM nginx:1.27\nEXPOSE 80/TCP 53/UDP",
        Good: "FROM nginx:1.27\nEXPOSE 80/tcp 53/udp",
        FixSafety: "Safe: lower-cases the protocol. Ports written through variables are reported without a fix.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, port, word, isWrittenAsIs) in ExposeWords.All(context))
        {
            var parsed = ExposedPort.Parse(word);
            if (parsed.Protocol == parsed.Protocol.ToLowerInvariant())
                continue;
            Fix? fix = null;
            if (isWrittenAsIs)
            {
                var slash = word.LastIndexOf('/');
                fix = new Fix("Write the protocol in lower case", FixSafety.Safe,
                    [new TextEdit(port.Span, word[..(slash + 1)] + word[(slash + 1)..].ToLowerInvariant())]);
            }
            context.Report(port.Span, $"protocol in `{word}` should be lower case: write `{parsed.Protocol.ToLowerInvariant()}`", stage, fix);
        }
    }
}
