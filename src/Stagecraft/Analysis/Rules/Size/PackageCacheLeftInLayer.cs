using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG003: a package manager's cache or index stays in a layer of the image.</summary>
public sealed class PackageCacheLeftInLayer : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG003", "package-cache-left-in-layer",
        "Package manager cache left in an image layer", Severity.Warning, RuleCategory.Size,
        ["DL3009", "DL3019", "DL3042", "DL3060", "DL3032", "DL3040", "DL3036"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A RUN in a stage that ends up in the image that installs packages and leaves the manager's cache behind: apt lists (`rm -rf /var/lib/apt/lists/*` missing), `apk add` without `--no-cache`, `pip install` without `--no-cache-dir` (or `PIP_NO_CACHE_DIR`), `yum`/`dnf`/`microdnf install` without `clean all`, `zypper install` without `zypper clean`, and as info `npm install`/`ci` without `npm cache clean --force`, `yarn install` without `yarn cache clean` and `gem install` without `--no-document`. A cache or tmpfs `--mount` on the manager's directory, or removing it later in the same RUN, satisfies the rule. Builder stages are not checked: their layers do not ship.",
        WhyItMatters: "A file deleted in a later RUN still takes space in the earlier layer. apt lists are 20–50 MB per `apt-get update`, the pip cache holds every downloaded wheel (often as large as the installed packages: hundreds of MB for numpy/torch), the yum/dnf metadata cache 50–150 MB, the npm cache roughly the size of node_modules.",
        Bad: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apk add curl\nRUN pip install -r requirements.txt",
        Good: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n# or: RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\nRUN apk add --no-cache curl\nRUN pip install --no-cache-dir -r requirements.txt",
        FixSafety: "Safe: inserts `--no-cache` after `apk add`, `--no-cache-dir` after `pip install`, `--no-document` after `gem install`, or appends `&& rm -rf /var/lib/apt/lists/*` (`&& yum clean all`, `&& npm cache clean --force`, …) after the RUN's last command. Marked unsafe when a later RUN built on this one still needs the cache (`apt-get install` without `apt-get update`, `apk add` without an index). No fix when the RUN's script ends in something other than a command (a trailing comment).");

    public override void Check(RuleContext context)
    {
        if (context.ImageStages.Count == 0)
            return;
        var rubyBase = context.ImageStages[^1].Base is { Kind: StageBaseKind.Image } root && ImageReference.Parse(root.Reference)?.OfficialName == "ruby";
        foreach (var stage in context.ImageStages.Where(s => !s.IsWindows))
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                foreach (var manager in PackageCaches.All)
                {
                    if (manager.Manager == "gem" && rubyBase)
                        continue;
                    CheckRun(context, stage, run, script, manager);
                }
            }
        }
    }

    private static void CheckRun(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, PackageCache manager)
    {
        var commands = script.Script.Commands.Where(c => manager.Installs(c.Unwrap())).ToList();
        if (commands.Count == 0 || CachePaths.MountCovers(context.Model, run, manager.Directories))
            return;
        var last = commands[^1];
        if (script.Script.Commands.Any(c => c.Span.Start > last.Span.Start && manager.IsCleanup(c.Unwrap()))
            || CachePaths.RemovedAfter(script.Script, last, manager.Directories))
            return;
        // An ONBUILD trigger runs in a later build that inherits the stage's final ENV.
        var scope = stage.Instructions.Contains(run) ? context.Model.ScopeAt(run) : stage.FinalScope;
        if (manager.EnvironmentSwitch is { } variable && (scope.Find(variable) is not null || Exports(script.Script, variable)))
            return;
        var severity = manager.Certain ? (Severity?)null : Severity.Info;
        var aliases = HadolintAliases(manager, commands);
        var safety = manager.LaterNeedsCache is { } needs && LaterRuns(context, stage, run).Any(s => needs(s)) ? FixSafety.Unsafe : FixSafety.Safe;
        if (manager.Option is { } option)
        {
            foreach (var command in commands.Select(c => (Written: c, Effective: c.Unwrap())))
            {
                if (command.Effective.HasOption(option) || command.Effective.Assignments.Any(a => a.Name == manager.EnvironmentSwitch))
                    continue;
                var display = $"{manager.Manager} {manager.Subcommand}";
                var word = command.Effective.Words.Skip(1).FirstOrDefault(w => w.Value == manager.Subcommand);
                var fix = word is null ? null : new Fix($"Add {option}", safety, [TextEdit.Insert(script.ToFileSpan(word.Span).End, " " + option)]);
                context.Report(script.ToFileSpan(command.Written.Span), $"`{display}` without {option} keeps {manager.Leftover} in the layer: use `{display} {option}`",
                    stage, fix, severity, aliases);
            }
            return;
        }
        var first = commands[0].Unwrap();
        var offset = ScriptEdits.AppendOffset(script);
        var cleanup = manager.Cleanup!;
        var append = offset is { } at ? new Fix($"Append `{cleanup}` to the RUN", safety, [TextEdit.Insert(at, " && " + cleanup)]) : null;
        context.Report(script.ToFileSpan(commands[0].Span),
            $"`{$"{first.Name} {PackageCaches.Sub(first)}".Trim()}` leaves {manager.Leftover} in the layer: add `{cleanup}` at the end of this RUN or use a cache mount",
            stage, append, severity, aliases);
    }

    /// <summary>
    /// hadolint's code for the finding, when its check covers these commands: DL3032 and DL3036 only look at installs,
    /// DL3040 at installs, upgrades and reinstalls, DL3060 at `yarn install`; updates and bare `yarn` are ours alone.
    /// </summary>
    private static string[] HadolintAliases(PackageCache manager, List<ShellCommand> commands)
    {
        if (manager.Alias is not { } alias)
            return [];
        string[]? verbs = manager.Manager switch
        {
            "yum" or "yarn" => ["install"],
            "zypper" => ["install", "in"],
            "dnf" or "microdnf" => ["install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"],
            _ => null,
        };
        if (verbs is null)
            return [alias];
        foreach (var command in commands)
        {
            foreach (var verb in verbs)
            {
                if (command.Unwrap().HasArgument(verb))
                    return [alias];
            }
        }
        return [];
    }

    private static bool Exports(ShellScript script, string variable) =>
        script.Commands.Any(c => c.IsNamed("export") && c.Arguments.Any(a => a.Value.StartsWith(variable + "=", StringComparison.Ordinal)));

    /// <summary>The scripts of RUNs after <paramref name="run"/> in its stage and in every stage built on it.</summary>
    private static IEnumerable<ShellScript> LaterRuns(RuleContext context, Stage stage, RunInstructionSyntax run)
    {
        foreach (var later in context.Model.Stages.Where(s => BuiltOn(s, stage)))
        {
            foreach (var instruction in later.Instructions)
            {
                if (instruction is RunInstructionSyntax other && other.Span.Start > run.Span.Start && context.Script(other) is { } script)
                    yield return script.Script;
            }
        }
    }

    private static bool BuiltOn(Stage candidate, Stage stage)
    {
        for (var (current, guard) = (candidate, 0); current is not null && guard < 1000; current = current.Base.Stage, guard++)
        {
            if (ReferenceEquals(current, stage))
                return true;
        }
        return false;
    }
}
