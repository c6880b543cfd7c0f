using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>An image that serves on a port (EXPOSE) but never says how to tell whether it is healthy.</summary>
public sealed class ExposeWithoutHealthcheck : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG015", "expose-without-healthcheck",
        "Image exposes a port but has no HEALTHCHECK", Severity.Info, RuleCategory.Maintainability);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An EXPOSE in the final stage or a stage it is built FROM, when none of those stages has a HEALTHCHECK. `HEALTHCHECK NONE` is an explicit decision and keeps the rule quiet; ONBUILD triggers do not count, since they run in later builds.",
        WhyItMatters: "Without a health check Docker reports a container as running as long as its main process lives, even when the server has deadlocked or stopped accepting connections. Docker Compose `depends_on: condition: service_healthy`, Swarm rolling updates and `docker ps` health status all need one. Kubernetes ignores HEALTHCHECK and uses its own probes, which is why this is only information. A base image's own HEALTHCHECK is inherited but cannot be seen from the Dockerfile.",
        Bad: "FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80",
        Good: "FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nEXPOSE 80\nHEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1",
        FixSafety: "No automatic fix: the right probe depends on the application (an HTTP path, a CLI ping, a TCP check) and on the tools the image has.");

    public override void Check(RuleContext context)
    {
        if (FirstExpose(context.ImageStages) is not { } expose)
            return;
        var expanded = ExpandedArguments.Of(context.Model, expose)?.Where(p => p.Length > 0).ToArray();
        var ports = string.Join(", ", expanded is { Length: > 0 } ? expanded : expose.Ports.Select(p => p.Value));
        context.Report(TextSpan.FromBounds(expose.KeywordSpan.Start, expose.ArgumentsSpan.End),
            $"the image exposes {ports} but has no HEALTHCHECK: add one (or `HEALTHCHECK NONE` to say it is deliberate) so Docker can tell a hung server from a healthy one");
    }

    /// <summary>
    /// The first EXPOSE with ports of the image (its bottom stage first), or null when there is none or the image has a
    /// HEALTHCHECK. Plain loops: every file is asked this.
    /// </summary>
    private static ExposeInstructionSyntax? FirstExpose(ItemList<Stage> imageStages)
    {
        ExposeInstructionSyntax? first = null;
        for (var i = imageStages.Count - 1; i >= 0; i--)
        {
            foreach (var instruction in imageStages[i].Instructions)
            {
                if (instruction is HealthcheckInstructionSyntax)
                    return null;
                if (first is null && instruction is ExposeInstructionSyntax { Ports.Count: > 0 } expose)
                    first = expose;
            }
        }
        return first;
    }
}
