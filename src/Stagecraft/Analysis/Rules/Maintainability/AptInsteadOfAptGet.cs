using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG219: a RUN calls <c>apt</c>, the interactive front end, instead of <c>apt-get</c> or <c>apt-cache</c>.</summary>
public sealed class AptInsteadOfAptGet : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG219", "apt-instead-of-apt-get",
        "RUN uses apt instead of apt-get", Severity.Warning, RuleCategory.Maintainability, ["DL3027"]);

    public override RuleDescriptor Descriptor => Id;

    // apt subcommands apt-get has under the same name and meaning.
    private static readonly HashSet<string> SameInAptGet = ["update", "install", "remove", "purge", "autoremove", "clean", "autoclean", "source", "build-dep",
        "download", "satisfy"];
    private static readonly HashSet<string> Queries = ["show", "search", "policy", "depends", "rdepends", "showsrc"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`apt` called in a RUN script (shell form or heredoc, through sudo or env, and in ONBUILD triggers).",
        WhyItMatters: "apt is the front end for people: its output (progress bars, colours) and behaviour may change between releases, and it warns `apt does not have a stable CLI interface` when used in scripts. apt-get and apt-cache are the stable, script-safe tools with the same package database.",
        Bad: "FROM debian:12-slim\nRUN apt update && apt install -y curl",
        Good: "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl",
        FixSafety: "Safe for subcommands apt-get has with the same meaning (update, install, remove, purge, autoremove, clean, source, build-dep, download, …): `apt` becomes `apt-get`. Unsafe for `upgrade` (apt also installs new dependencies, apt-get does not), `full-upgrade` (becomes `apt-get dist-upgrade`) and queries such as `show` or `search` (become `apt-cache`, whose output differs a little). No fix for `list` and other apt-only subcommands.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (!effective.IsNamed("apt"))
                    continue;
                var name = effective.NameWord!;
                context.Report(script.ToFileSpan(name.Span), "`apt` is the interactive front end and its command line is not stable for scripts: use `apt-get` (or `apt-cache` for queries)",
                    stage, Fix(script, effective, name));
            }
        }
    }

    private static Fix? Fix(RunScript script, ShellCommand apt, ShellWord name)
    {
        if (!name.IsLiteral)
            return null;
        var end = script.ToFileSpan(name.Span).End;
        var verb = apt.PositionalArguments.Count > 0 ? apt.PositionalArguments[0] : null;
        switch (verb?.Value)
        {
            case { } same when SameInAptGet.Contains(same):
                return new Fix("Use apt-get", FixSafety.Safe, [TextEdit.Insert(end, "-get")]);
            case "upgrade":
                return new Fix("Use apt-get", FixSafety.Unsafe, [TextEdit.Insert(end, "-get")]);
            case "full-upgrade":
                return new Fix("Use apt-get dist-upgrade", FixSafety.Unsafe, [TextEdit.Insert(end, "-get"), new TextEdit(script.ToFileSpan(verb.Span), "dist-upgrade")]);
            case { } query when Queries.Contains(query):
                return new Fix("Use apt-cache", FixSafety.Unsafe, [TextEdit.Insert(end, "-cache")]);
            default:
                return null;
        }
    }
}
