using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG270 (off by default): the image defines no HEALTHCHECK.</summary>
public sealed class ImageWithoutHealthcheck : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG270", "image-without-healthcheck",
        "The image has no HEALTHCHECK", Severity.Info, RuleCategory.Maintainability, ["DL3057"], enabledByDefault: false);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An image with no HEALTHCHECK instruction in its final stage or the stages it is built FROM (`HEALTHCHECK NONE` counts: it says so on purpose). Reported on the final stage's FROM. Off by default, as hadolint's DL3057 is: a base image may define the check, and orchestrators such as Kubernetes ignore HEALTHCHECK and probe on their own.",
        WhyItMatters: "Without a health check, Docker and Compose only know whether the process runs, not whether it answers: a hung server stays `running`, and `depends_on: condition: service_healthy` cannot wait for it.",
        Bad: "FROM nginx:1.27\nCOPY site /usr/share/nginx/html",
        Good: "FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1",
        FixSafety: "No automatic fix: the right check depends on the service.",
        Options: "Off by default. Turn it on by giving it a severity, as hadolint users do for DL3057: `override: {info: [DL3057]}` in .stagecraft.yaml or .hadolint.yaml (or `STG270`).");

    public override void Check(RuleContext context)
    {
        if (context.FinalStage is not { } final)
            return;
        foreach (var stage in context.ImageStages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is HealthcheckInstructionSyntax)
                    return;
            }
        }
        var from = final.From;
        context.Report(TextSpan.FromBounds(from.KeywordSpan.Start, Math.Max(from.KeywordSpan.End, from.ArgumentsSpan.End)),
            "the image defines no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one", final);
    }
}
