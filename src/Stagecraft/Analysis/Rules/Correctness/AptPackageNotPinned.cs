using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG205: <c>apt-get install</c> (or <c>apt install</c>) of packages without a version.</summary>
public sealed class AptPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG205", "apt-package-not-pinned",
        "apt-get or apt install without package versions", Severity.Warning, RuleCategory.Correctness, ["DL3008"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`apt-get install` or `apt install` (in RUN scripts, heredocs and ONBUILD triggers, through sudo or env) naming a package without a version. A package counts as pinned when it has `=version`, a `/release`, or is a `.deb` file; values of `-t`/`--target-release` and `-o` are not packages. Packages given through ARG or ENV are judged by their value (`$PACKAGES` holding `curl=8.5.0-2` is pinned); a variable the Dockerfile leaves unset or a `$(…)` is taken as pinned, since its value is chosen elsewhere.",
        WhyItMatters: "Without versions, two builds of the same Dockerfile install whatever the archive holds that day: a rebuild for a one-line change can pull a new major version of a library, and an image cannot be reproduced to debug an incident. The trade-off is real: Debian removes superseded versions from its archive, so exact pins must be kept up to date (or the snapshot archive used).",
        Bad: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
        Good: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8",
        FixSafety: "No automatic fix: the right version comes from the archive.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                // `apt install` pins the same way; hadolint's DL3008 looks at apt-get only. Fixing STG219 turns one into the other.
                var effective = command.Unwrap();
                if (AptGet.InstallOperandsOfAptOrAptGet(effective) is not { Count: > 1 } operands
                    || UnpinnedPackages.Find(context.Model, run, operands, 1, IsPinned) is not { } unpinned)
                    continue;
                var apt = effective.IsNamed("apt");
                context.Report(UnpinnedPackages.Span(script, unpinned),
                    $"`{(apt ? "apt" : "apt-get")} install` takes {UnpinnedPackages.Names(unpinned)} at whatever version the archive has that day: pin versions (`{unpinned[0].Name}=<version>`)",
                    stage, aliases: apt ? [] : null);
            }
        }
    }

    private static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('/') || package.EndsWith(".deb", StringComparison.Ordinal);
}
