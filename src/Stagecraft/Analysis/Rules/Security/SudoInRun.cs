using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG204: a RUN calls sudo.</summary>
public sealed class SudoInRun : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG204", "sudo-in-run",
        "RUN uses sudo", Severity.Error, RuleCategory.Security, ["DL3004"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`sudo` called in a RUN script (shell form or heredoc, inside any construct, and in ONBUILD triggers). Installing the sudo package is not reported, only running it.",
        WhyItMatters: "A build step runs as the USER in effect, without a terminal: as root sudo adds nothing, and as another user it either needs a password it cannot ask for or a passwordless sudoers entry that stays in the image and lets any process there become root. Switching with `USER root` around the steps that need it says the same thing openly; `gosu` or `su-exec` drop privileges in an entrypoint without a setuid binary.",
        Bad: "FROM debian:12-slim\nUSER app\nRUN sudo apt-get update",
        Good: "FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app",
        FixSafety: "No automatic fix: whether the step should run as root, and which USER should follow it, is a decision about the image.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                if (command.IsNamed("sudo"))
                    context.Report(script.ToFileSpan(command.NameWord!.Span), "`sudo` in a build step either adds nothing (as root) or needs a password or a sudoers entry left in the image: run the step under `USER root` instead", stage);
            }
        }
    }
}
