using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG212: <c>npm install</c> of named packages without a version.</summary>
public sealed class NpmPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG212", "npm-package-not-pinned",
        "npm install of a package without a version", Severity.Warning, RuleCategory.Correctness, ["DL3016"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly string[] ValueOptions = ["--registry", "--loglevel", "--prefix", "--cache", "--userconfig", "--globalconfig", "-w", "--workspace",
        "--omit", "--include", "--install-strategy", "--otp", "--tag", "--before"];
    private static readonly string[] GitPrefixes = ["git://", "git+ssh://", "git+http://", "git+https://", "github:", "gitlab:", "bitbucket:", "gist:"];
    private static readonly string[] LocalPrefixes = ["/", "./", "../", "~/", "file:"];
    private static readonly string[] Tarballs = [".tgz", ".tar", ".tar.gz"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`npm install` (`npm i`, `npm add`; in RUN scripts, heredocs and ONBUILD triggers) naming a package without `@version` (or `@tag`/`@range`). Pinned as well: git URLs and `user/repo` shorthands with `#commit`, tarballs and local folders. `npm install` and `npm ci` without package names install what package.json and the lockfile say and are not reported; ARG and ENV values are filled in, and a package given through a variable the Dockerfile leaves unset counts as pinned.",
        WhyItMatters: "`npm install -g typescript` installs whatever was published last, so two builds of one Dockerfile can carry different majors of a tool and its dependencies, and an old commit may no longer build.",
        Bad: "FROM node:20-slim\nRUN npm install -g pm2",
        Good: "FROM node:20-slim\nRUN npm install -g pm2@5.4.2",
        FixSafety: "No automatic fix: the version to pin is the one the project tested.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (!effective.IsNamed("npm") || CommandOperands.Of(effective, ValueOptions) is not [{ Value: "install" or "i" or "add" or "in" }, _, ..] operands
                    || UnpinnedPackages.Find(context.Model, run, operands, 1, IsPinned) is not { } unpinned)
                    continue;
                context.Report(UnpinnedPackages.Span(script, unpinned),
                    $"`npm {operands[0].Value}` takes {UnpinnedPackages.Names(unpinned)} at whatever version was published last: pin versions (`{unpinned[0].Name}@<version>`)",
                    stage);
            }
        }
    }

    private static bool IsPinned(string package)
    {
        if (StartsWithAny(package, GitPrefixes) || (!package.StartsWith('@') && package.Contains('/') && !package.Contains("://", StringComparison.Ordinal)
            && !StartsWithAny(package, LocalPrefixes)))
            return package.Contains('#');
        if (StartsWithAny(package, LocalPrefixes) || package == ".")
            return true;
        foreach (var suffix in Tarballs)
        {
            if (package.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        // @scope/name@1.2.3: the version follows an @ after the scope.
        var name = package.StartsWith('@') ? package.AsSpan(package.IndexOf('/') + 1) : package.AsSpan();
        return name.Contains('@');
    }

    private static bool StartsWithAny(string value, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
