using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG211: <c>apt-get install</c> that also installs every recommended package.</summary>
public sealed class AptInstallsRecommends : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG211", "apt-installs-recommends",
        "apt-get install without --no-install-recommends", Severity.Info, RuleCategory.Size, ["DL3015"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`apt-get install` in a RUN script (heredocs and ONBUILD triggers included) that leaves apt's default of installing recommended packages: no `--no-install-recommends`, no `-o APT::Install-Recommends=…` (an explicit choice either way is respected, as is `--install-recommends`), and no earlier RUN or COPY of the stage (or a stage it is built FROM) that sets `APT::Install-Recommends` in an apt.conf file.",
        WhyItMatters: "Recommended packages are what a package's maintainers think most users want on a full system, not what the program needs to run: `apt-get install git` also installs less, patch and an SSH client, which git only recommends. For larger packages recommends often add tens of megabytes, and every extra package is more to patch.",
        Bad: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y git",
        Good: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git",
        FixSafety: "Safe (issue 8 lists it among the fixes applied by default): inserts ` --no-install-recommends` after `install`. The packages named are still installed with everything they depend on; what no longer comes is what they only recommend. Something the image relied on may have come in only as a recommendation (ca-certificates is the usual one), so if the build or the app then fails, name that package too.");

    public override void Check(RuleContext context)
    {
        AptDefaults? defaults = null;
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (AptGet.InstallOperands(effective) is not { } operands || effective.HasOption("--no-install-recommends", "--install-recommends")
                    || AptGet.SetsOption(effective, "APT::Install-Recommends"))
                    continue;
                defaults ??= AptDefaults.Read(context);
                if (defaults.SkipsRecommends(stage, run))
                    continue;
                var verb = operands[0];
                context.Report(AptGet.CommandThroughVerb(script, command, verb),
                    "`apt-get install` also installs every recommended package: add --no-install-recommends and name what the image needs",
                    stage, new Fix("Add --no-install-recommends", FixSafety.Safe, [TextEdit.Insert(script.ToFileSpan(verb.Span).End, " --no-install-recommends")]));
            }
        }
    }
}
