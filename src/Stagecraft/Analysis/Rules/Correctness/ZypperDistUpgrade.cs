using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG253: <c>zypper dist-upgrade</c> in a build.</summary>
public sealed class ZypperDistUpgrade : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG253", "zypper-dist-upgrade",
        "`zypper dist-upgrade` in a build", Severity.Warning, RuleCategory.Correctness, ["DL3035"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`zypper dist-upgrade` and `zypper dup` in a RUN (ONBUILD RUNs included).",
        WhyItMatters: "A distribution upgrade moves every package to what the repositories offer today, possibly to the next release: the image no longer matches the base image its tag names, and each rebuild can end on a different distribution. Use a newer base image instead, or `zypper patch`/`zypper update` for fixes within the release.",
        Bad: "FROM opensuse/leap:15.5\nRUN zypper -n dist-upgrade",
        Good: "FROM opensuse/leap:15.6\nRUN zypper -n patch",
        FixSafety: "No automatic fix: the right base image is yours to choose.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("zypper") || RpmPackageCommands.Operands(command) is not [{ Value: "dist-upgrade" or "dup" } verb, ..])
                    continue;
                context.Report(script.ToFileSpan(written.Span),
                    $"`zypper {verb.Value}` upgrades the whole distribution during the build, so the image drifts from its base: use a newer base image instead",
                    stage);
            }
        }
    }
}
