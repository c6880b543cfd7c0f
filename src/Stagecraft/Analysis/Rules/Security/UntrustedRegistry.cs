using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG218: an image pulled from a registry the configuration does not trust.</summary>
public sealed class UntrustedRegistry : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG218", "untrusted-registry",
        "Image from a registry that is not trusted", Severity.Error, RuleCategory.Security, ["DL3026"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Images named by FROM, `COPY --from` and `RUN --mount=…,from=` (after ARG values are filled in) whose registry is not in `trusted-registries` (`trustedRegistries` in `.hadolint.yaml`). Images without a registry come from Docker Hub and are trusted when `docker.io` or `hub.docker.com` is listed. Stage names, scratch and references through unset variables are not judged. Off while the list is empty.",
        WhyItMatters: "Where base images come from is a supply-chain decision: an organisation that mirrors and scans images in its own registry wants a build to fail when someone pulls straight from a public registry, which bypasses scanning, licence review and availability guarantees.",
        Bad: "# trusted-registries: [registry.example.com]\nFROM node:20-slim",
        Good: "# trusted-registries: [registry.example.com]\nFROM registry.example.com/mirror/node:20-slim",
        FixSafety: "No automatic fix: the mirrored name of an image is organisation-specific.",
        Options: "`trusted-registries`: registry host names; `*` trusts every registry, `*.example.com` any host ending in `.example.com` (not example.com itself), `registry.example.*` any host starting with `registry.example.`.");

    public override void Check(RuleContext context)
    {
        var trusted = context.Configuration.TrustedRegistries;
        if (trusted.Count == 0)
            return;
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Base.Kind == StageBaseKind.Image && stage.From.Image is { } image && Settled(context, stage.From, image.Value))
                Check(context, trusted, stage, stage.Base.Reference, image.Span);
            foreach (var reference in stage.References)
            {
                if (reference.Kind != StageReferenceKind.Image || !Settled(context, reference.Instruction, context.Tree.GetText(reference.Span)))
                    continue;
                Check(context, trusted, stage, reference.Value, reference.Instruction is RunInstructionSyntax ? MountFrom(context, reference.Span) : reference.Span);
            }
        }
    }

    /// <summary>False when the written reference depends on a variable the Dockerfile leaves unset: its registry is chosen elsewhere.</summary>
    private static bool Settled(RuleContext context, InstructionSyntax at, string written) =>
        !written.Contains('$') || context.Model.Expand(at, written) is { Succeeded: true, Unmatched.Count: 0 };

    /// <summary>The <c>from=</c> value inside a <c>--mount</c> flag's value, or the whole value when it cannot be found.</summary>
    private static TextSpan MountFrom(RuleContext context, TextSpan flagValue)
    {
        var text = context.Tree.GetText(flagValue);
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf(',', start) is var comma and >= 0 ? comma : text.Length;
            if (text.AsSpan(start, end - start).StartsWith("from=", StringComparison.OrdinalIgnoreCase))
            {
                var offset = flagValue.Start + System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, start + 5));
                return new TextSpan(offset, System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(start + 5, end - start - 5)));
            }
            start = end + 1;
        }
        return flagValue;
    }

    private static void Check(RuleContext context, IReadOnlyList<string> trusted, Stage stage, string reference, TextSpan span)
    {
        if (ImageReference.Parse(reference) is not { } image)
            return;
        var registry = image.Registry ?? "docker.io";
        if (IsTrusted(trusted, registry) || (image.IsDockerHub && (IsTrusted(trusted, "docker.io") || IsTrusted(trusted, "hub.docker.com"))))
            return;
        context.Report(span, $"`{reference}` comes from {registry}, which is not a trusted registry ({string.Join(", ", trusted)})", stage);
    }

    private static bool IsTrusted(IReadOnlyList<string> trusted, string registry)
    {
        foreach (var entry in trusted)
        {
            if (Matches(entry.Trim(), registry))
                return true;
        }
        return false;
    }

    /// <summary>hadolint's patterns: <c>*</c> alone, a leading <c>*</c> (suffix match), a trailing <c>*</c> (prefix match), or the exact host.</summary>
    internal static bool Matches(string pattern, string registry) => pattern switch
    {
        "*" => true,
        ['*', .. var suffix] => registry.EndsWith(suffix, StringComparison.OrdinalIgnoreCase),
        [.. var prefix, '*'] => registry.StartsWith(prefix, StringComparison.OrdinalIgnoreCase),
        _ => registry.Equals(pattern, StringComparison.OrdinalIgnoreCase),
    };
}
