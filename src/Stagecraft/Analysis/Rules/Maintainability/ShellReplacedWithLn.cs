using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG282: <c>ln</c> over /bin/sh to change the shell RUN uses.</summary>
public sealed class ShellReplacedWithLn : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG282", "shell-replaced-with-ln",
        "/bin/sh replaced with `ln` instead of SHELL", Severity.Warning, RuleCategory.Maintainability, ["DL4005"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "An `ln` (ONBUILD RUNs included) whose link is `/bin/sh` or `/usr/bin/sh` (`ln -sf /bin/bash /bin/sh`).",
        WhyItMatters: "Relinking /bin/sh changes the shell for everything in the image, not just for the Dockerfile's RUNs: package scripts and programs that call `sh` and were written for dash or BusyBox now run under another shell, and the change is invisible to anyone reading the Dockerfile's RUN lines. SHELL changes the shell of the RUNs that follow and nothing else.",
        Bad: "RUN ln -sf /bin/bash /bin/sh\nRUN source /opt/env.sh && make",
        Good: "SHELL [\"/bin/bash\", \"-c\"]\nRUN source /opt/env.sh && make",
        FixSafety: "No automatic fix: whether the image itself needs the new /bin/sh is for you to decide.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("ln") || command.PositionalArguments is not [.., _, { Value: "/bin/sh" or "/usr/bin/sh" } link])
                    continue;
                context.Report(script.ToFileSpan(written.Span),
                    $"`ln` over {link.Value} changes the shell of the whole image: to change the shell of RUN, use SHELL [\"/bin/bash\", \"-c\"]", stage);
            }
        }
    }
}
