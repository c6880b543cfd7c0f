using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG202: a RUN calls a command meant for a running machine or a person at a terminal (ssh, vim, service, ps, …).</summary>
public sealed class HostCommandInRun : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG202", "host-command-in-run",
        "RUN calls a command that makes no sense in an image build", Severity.Info, RuleCategory.Maintainability, ["DL3001"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["ssh"] = "logs in to another machine, which needs credentials the image should not hold",
        ["vim"] = "is an interactive editor and a build has no terminal",
        ["top"] = "is an interactive monitor and a build has no terminal",
        ["shutdown"] = "stops a machine; a build step has none to stop",
        ["service"] = "starts or stops system services, which end with the build step and are not running when a container starts",
        ["ps"] = "lists the build step's own processes, which says nothing about the image",
        ["free"] = "reports the build host's memory, not anything about the image",
        ["kill"] = "signals processes, and a build step has only its own",
        ["mount"] = "changes mounts, which need privileges a build does not have and do not persist into the image",
    };

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Commands in RUN scripts (shell form and heredocs, through sudo and env, and in ONBUILD triggers) that only make sense on a running machine or for a person at a terminal: `ssh`, `vim`, `top`, `shutdown`, `service`, `ps`, `free`, `kill` and `mount`. `ssh` in a RUN with `--mount=type=ssh` is expected and not reported.",
        WhyItMatters: "Each build step is a fresh process tree without an init system or terminal: services started there are gone when the step ends, editors and monitors wait for input that never comes, and what `ps` or `free` print describes the builder, not the image. Such lines are usually copied from an interactive session and either do nothing or hang the build.",
        Bad: "FROM debian:12-slim\nRUN service nginx start && ps aux",
        Good: "FROM debian:12-slim\nCMD [\"nginx\", \"-g\", \"daemon off;\"]",
        FixSafety: "No automatic fix: what the line was meant to do has to be decided by a person.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (effective.BaseName is not { } name || !Reasons.TryGetValue(name, out var reason))
                    continue;
                if (name == "ssh" && HasSshMount(run))
                    continue;
                context.Report(script.ToFileSpan(effective.NameWord!.Span), $"`{name}` {reason}", stage);
            }
        }
    }

    private static bool HasSshMount(RunInstructionSyntax run)
    {
        foreach (var mount in run.Mounts)
        {
            if (mount.Type.Equals("ssh", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
