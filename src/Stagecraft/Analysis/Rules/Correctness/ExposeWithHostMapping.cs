using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG118: <c>EXPOSE 8080:80</c> or <c>EXPOSE 127.0.0.1:80:80</c>, a host mapping in EXPOSE; BuildKit's ExposeInvalidFormat.</summary>
public sealed class ExposeWithHostMapping : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG118", "expose-with-host-mapping",
        "EXPOSE with a host port or IP address", Severity.Warning, RuleCategory.Correctness, ["ExposeInvalidFormat"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An EXPOSE port written like a `docker run -p` mapping, with a host port (`8080:80`) or a host IP address (`127.0.0.1:80:80`, `[::1]:80:80`), after ARG and ENV expansion, ONBUILD triggers included. BuildKit's `ExposeInvalidFormat` check.",
        WhyItMatters: "EXPOSE only documents which ports the container listens on; an image cannot publish ports on the host. BuildKit drops the host part (`8080:80` exposes 80) and has announced that this form will become an error.",
        Bad: "FROM nginx:1.27\nEXPOSE 8080:80",
        Good: "FROM nginx:1.27\nEXPOSE 80\n# publish it when running: docker run -p 8080:80 …",
        FixSafety: "Safe: keeps only the container port (and protocol), which is what BuildKit exposes anyway. Ports written through variables are reported without a fix.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, port, word, isWrittenAsIs) in ExposeWords.All(context))
        {
            var parsed = ExposedPort.Parse(word);
            if (!parsed.HasHostPart)
                continue;
            var fix = isWrittenAsIs
                ? new Fix($"Expose only `{parsed.PortWithProtocol}`", FixSafety.Safe, [new TextEdit(port.Span, parsed.PortWithProtocol)])
                : null;
            context.Report(port.Span,
                $"`EXPOSE {word}` maps a host {(parsed.HostIp.Length > 0 ? "address and port" : "port")}, which an image cannot do; BuildKit exposes only `{parsed.PortWithProtocol}` and will refuse this form: write `EXPOSE {parsed.PortWithProtocol}` and publish with `docker run -p`",
                stage, fix);
        }
    }
}
