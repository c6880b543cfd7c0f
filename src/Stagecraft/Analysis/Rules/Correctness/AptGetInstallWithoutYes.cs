using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG210: <c>apt-get install</c> that would stop to ask for confirmation.</summary>
public sealed class AptGetInstallWithoutYes : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG210", "apt-get-install-without-yes",
        "apt-get install without -y", Severity.Warning, RuleCategory.Correctness, ["DL3014"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`apt-get install` in a RUN script (heredocs and ONBUILD triggers included) with nothing that answers its confirmation question: not `-y`/`--yes`/`--assume-yes`, not `-qq` (or `-q -q`, `-q=2`), not `-o APT::Get::Assume-Yes=true`, not a simulation (`-s`) or `--trivial-only`/`--assume-no`, not fed by `yes |`, and no earlier RUN or COPY of the stage (or a stage it is built FROM) that sets `APT::Get::Assume-Yes` in an apt.conf file.",
        WhyItMatters: "When an install pulls in more than the packages named, apt-get asks `Do you want to continue? [Y/n]`. A build has no terminal, so apt-get reads end-of-input, answers no and aborts: the build fails, or, in a script that ignores errors, silently installs nothing.",
        Bad: "FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl",
        Good: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
        FixSafety: "Safe: inserts ` -y` after `install`.");

    public override void Check(RuleContext context)
    {
        AptDefaults? defaults = null;
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (AptGet.InstallOperands(effective) is not { } operands || Answers(effective) || FedByYes(command))
                    continue;
                defaults ??= AptDefaults.Read(context);
                if (defaults.AssumesYes(stage, run))
                    continue;
                var verb = operands[0];
                context.Report(AptGet.CommandThroughVerb(script, command, verb),
                    "`apt-get install` without -y stops at its confirmation question, which a build cannot answer: add -y",
                    stage, new Fix("Add -y", FixSafety.Safe, [TextEdit.Insert(script.ToFileSpan(verb.Span).End, " -y")]));
            }
        }
    }

    private static bool Answers(ShellCommand command) =>
        command.HasOption("-y", "--yes", "--assume-yes", "-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act", "--trivial-only", "--assume-no")
        || QuietLevel(command) >= 2 || AptGet.SetsOption(command, "APT::Get::Assume-Yes", "true", "1", "yes");

    /// <summary>apt-get's -q count: each q in a short cluster, each --quiet, or -q=N.</summary>
    private static int QuietLevel(ShellCommand command)
    {
        var level = 0;
        foreach (var word in command.Arguments)
        {
            var value = word.Value;
            if (value == "--")
                break;
            if (value.StartsWith("-q=", StringComparison.Ordinal) || value.StartsWith("--quiet=", StringComparison.Ordinal))
                level += int.TryParse(value.AsSpan(value.IndexOf('=') + 1), out var n) ? n : 1;
            else if (value == "--quiet")
                level++;
            else if (value.Length > 1 && value[0] == '-' && value[1] != '-' && value.AsSpan(1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") < 0)
                level += value.AsSpan(1).Count('q');
        }
        return level;
    }

    private static bool FedByYes(ShellCommand command) =>
        command.Previous is { Connector: ShellOperator.Pipe } previous && previous.Unwrap().IsNamed("yes");
}
