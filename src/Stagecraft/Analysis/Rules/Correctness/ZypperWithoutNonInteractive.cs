using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG252: a zypper command that changes packages and would stop to ask for confirmation.</summary>
public sealed class ZypperWithoutNonInteractive : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG252", "zypper-without-non-interactive",
        "zypper changes packages without -n", Severity.Warning, RuleCategory.Correctness, ["DL3034"]);

    private static readonly string[] Verbs = ["install", "in", "remove", "rm", "source-install", "si", "patch"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`zypper install`, `remove`, `source-install` and `patch` (and their short forms `in`, `rm`, `si`) in a RUN (ONBUILD RUNs included) without `-n`/`--non-interactive` or the command's `-y`/`--no-confirm`. A `yes |` in front of it answers for it.",
        WhyItMatters: "zypper asks `Continue? [y/n/v/...? shows all options] (y)` before it changes anything. A build has no one to answer, so zypper aborts and the RUN fails.",
        Bad: "FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean --all",
        Good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all",
        FixSafety: "Safe: inserts the global option `-n` after `zypper`.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("zypper"))
                    continue;
                var operands = RpmPackageCommands.Operands(command);
                if (operands.Count == 0 || Array.IndexOf(Verbs, operands[0].Value) < 0
                    || command.HasOption("-n", "--non-interactive", "--no-confirm", "-y") || RpmPackageCommands.IsFedByYes(written))
                    continue;
                var name = script.ToFileSpan(command.NameWord!.Span);
                context.Report(script.ToFileSpan(written.Span),
                    $"`zypper {operands[0].Value}` without -n stops to ask for confirmation, which fails the build: use `zypper -n {operands[0].Value}`",
                    stage, new Fix("Add -n", FixSafety.Safe, [TextEdit.Insert(name.End, " -n")]));
            }
        }
    }
}
