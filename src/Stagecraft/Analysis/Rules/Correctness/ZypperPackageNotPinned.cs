using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG254: <c>zypper install</c> of packages without a version.</summary>
public sealed class ZypperPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG254", "zypper-package-not-pinned",
        "`zypper install` without package versions", Severity.Warning, RuleCategory.Correctness, ["DL3037"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`zypper install` or `zypper in` (ONBUILD RUNs included) of a package written without a version relation (`curl=7.79.1`, `'curl>=7.79'`). ARG and ENV values are filled in first, and a package that depends on an ARG without a default counts as pinned (the build supplies the version). rpm files, paths, URLs and capabilities are left alone, and so are installs of patterns, patches or products (`-t pattern`). One finding per install command, naming the packages.",
        WhyItMatters: "Without versions, each rebuild installs whatever the repositories hold that day: an image that built last week can fail or behave differently today, and two builds of the same commit differ.",
        Bad: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all",
        Good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all",
        FixSafety: "No automatic fix: the version to pin is yours to choose.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("zypper"))
                    continue;
                var operands = RpmPackageCommands.Operands(command);
                if (operands is not [{ Value: "install" or "in" }, ..] || command.GetOptionValue("-t", "--type") is { } type && type != "package")
                    continue;
                var unpinned = RpmPackageCommands.Unpinned(context.Model, run, operands, 0, zypper: true);
                if (unpinned.Count == 0)
                    continue;
                context.Report(script.ToFileSpan(written.Span),
                    $"`zypper {operands[0].Value}` takes {RpmPackageCommands.Names(unpinned)} at whatever version is current: pin as name=version (`{unpinned[0]}=1.2.3`) for repeatable builds",
                    stage);
            }
        }
    }
}
