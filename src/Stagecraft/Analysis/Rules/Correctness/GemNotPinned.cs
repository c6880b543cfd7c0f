using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG220: <c>gem install</c> of gems without a version.</summary>
public sealed class GemNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG220", "gem-not-pinned",
        "gem install without gem versions", Severity.Warning, RuleCategory.Correctness, ["DL3028"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly string[] ValueOptions = ["-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy", "--platform",
        "--build-root", "-p", "--http-proxy", "--document"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`gem install` (`gem i`; in RUN scripts, heredocs and ONBUILD triggers) naming a gem without `:version`, unless the command gives `-v`/`--version` or installs from a Gemfile (`-g`/`--file`). Local `.gem` files and paths count as pinned; ARG and ENV values are filled in (`bundler:$BUNDLER_VERSION` is pinned), and a gem given through a variable the Dockerfile leaves unset counts as pinned.",
        WhyItMatters: "`gem install bundler` installs the newest release on the day of the build; a new major bundler or rails can refuse the project's lockfile or change behaviour, and the image cannot be rebuilt the same way later.",
        Bad: "FROM ruby:3.3-slim\nRUN gem install bundler",
        Good: "FROM ruby:3.3-slim\nRUN gem install bundler:2.5.11",
        FixSafety: "No automatic fix: the version should match the project's Gemfile.lock.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (!effective.IsNamed("gem") || effective.HasOption("-v", "--version", "-g", "--file")
                    || CommandOperands.Of(effective, ValueOptions) is not [{ Value: "install" or "i" }, _, ..] operands
                    || UnpinnedPackages.Find(context.Model, run, operands, 1, IsPinned) is not { } unpinned)
                    continue;
                context.Report(UnpinnedPackages.Span(script, unpinned),
                    $"`gem install` takes {UnpinnedPackages.Names(unpinned)} at whatever version was released last: pin versions (`{unpinned[0].Name}:<version>`)",
                    stage);
            }
        }
    }

    private static bool IsPinned(string gem) => gem.Contains(':') || gem.Contains('/') || gem.EndsWith(".gem", StringComparison.Ordinal);
}
