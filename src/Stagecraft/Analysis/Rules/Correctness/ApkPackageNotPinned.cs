using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG213: <c>apk add</c> of packages without a version.</summary>
public sealed class ApkPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG213", "apk-package-not-pinned",
        "apk add without package versions", Severity.Warning, RuleCategory.Correctness, ["DL3018"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly string[] ValueOptions = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir",
        "--repositories-file"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`apk add` (in RUN scripts, heredocs and ONBUILD triggers) naming a package without a version constraint (`=1.2.3-r0`, `~1.2`, `>`, `<`) that is not an `.apk` file. The name given to `--virtual`/`-t` and repository options are not packages. ARG and ENV values are filled in (`$PHPIZE_DEPS` is judged by what it holds); a package given through a variable the Dockerfile leaves unset counts as pinned.",
        WhyItMatters: "Without versions the image gets whatever the Alpine branch holds on the day of the build, so rebuilds drift and an image cannot be reproduced. Alpine keeps only the newest build of each package in a branch, so exact pins need upkeep; a `~major.minor` constraint is the usual middle ground.",
        Bad: "FROM alpine:3.20\nRUN apk add --no-cache curl",
        Good: "FROM alpine:3.20\nRUN apk add --no-cache curl~8.9",
        FixSafety: "No automatic fix: the version comes from the Alpine branch.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (!effective.IsNamed("apk") || CommandOperands.Of(effective, ValueOptions) is not [{ Value: "add" }, _, ..] operands
                    || UnpinnedPackages.Find(context.Model, run, operands, 1, IsPinned) is not { } unpinned)
                    continue;
                context.Report(UnpinnedPackages.Span(script, unpinned),
                    $"`apk add` takes {UnpinnedPackages.Names(unpinned)} at whatever version the branch has that day: pin versions (`{unpinned[0].Name}=<version>` or `~<major.minor>`)",
                    stage);
            }
        }
    }

    private static bool IsPinned(string package) =>
        package.AsSpan().IndexOfAny("=~<>") >= 0 || package.EndsWith(".apk", StringComparison.Ordinal);
}
