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
        Flags: "A RUN in a stage that ends up in the image that leaves a package manager's cache behind: apt lists after `apt-get update` (`rm -rf /var/lib/apt/lists/*` missing; `apt-get install` alone writes no lists), `apk add`/`apk upgrade` without `--no-cache` and `apk update` (its index stays in /var/cache/apk), `pip install` without `--no-cache-dir` (or `PIP_NO_CACHE_DIR`), `yum`/`dnf`/`microdnf` installs, upgrades and `makecache` without `clean all`, `zypper` installs and refreshes without `zypper clean`, and as info `npm install`/`ci` without `npm cache clean --force`, `yarn install` without `yarn cache clean` and `gem install` without `--no-document`. The cache is where the manager puts it: its default folder (in any user's home for pip, npm and yarn), or where a variable such as PIP_CACHE_DIR, npm_config_cache, YARN_CACHE_FOLDER or XDG_CACHE_HOME moved it (set by ENV/ARG, an `export` earlier in the RUN, or on the command itself). A cache, tmpfs or bind `--mount` on that folder or one above it, removing it later in the same RUN, or the manager's clean command, satisfies the rule. A RUN with `apk update` gets one finding whose cleanup also covers the `apk add` after it. Builder stages are not checked: their layers do not ship.",
        WhyItMatters: "A file deleted in a later RUN still takes space in the earlier layer. apt lists are 20–50 MB per `apt-get update`, the pip cache holds every downloaded wheel (often as large as the installed packages: hundreds of MB for numpy/torch), the yum/dnf metadata cache 50–150 MB, the npm cache roughly the size of node_modules.",
        Bad: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apk add curl\nRUN pip install -r requirements.txt",
        Good: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n# or: RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\nRUN apk add --no-cache curl\nRUN pip install --no-cache-dir -r requirements.txt",
        FixSafety: "Safe: inserts `--no-cache` after `apk add` or `apk upgrade`, `--no-cache-dir` after `pip install`, `--no-document` after `gem install`, or appends `&& rm -rf /var/lib/apt/lists/*` (`&& rm -rf /var/cache/apk/*` after `apk update`, `&& yum clean all`, `&& npm cache clean --force`, …) after the RUN's last command. Display only when a later RUN built on this one still needs the cache (`apt-get install` without `apt-get update`, `apk add` without an index): removing it would break that RUN, so join the RUNs first (STG010) and the joined RUN gets a safe fix. No fix when the RUN's script ends in something other than a command (a trailing comment).");

    public override void Check(RuleContext context)
    {
        if (context.ImageStages.Count == 0)
            return;
        // The ruby images configure gem with --no-document already; the base image is read only for a file that runs gem.
        bool? rubyBase = null;
        List<PackageManager>? managers = null;
        foreach (var stage in context.ImageStages)
        {
            if (stage.IsWindows)
                continue;
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                // An ONBUILD trigger runs in a later build that inherits the stage's final ENV, which is what Stage.ScopeAt gives it.
                var packages = RunPackages.Of(context, stage, run, script);
                if (packages.Commands.Count == 0)
                    continue;
                (managers ??= []).Clear();
                foreach (var command in packages.Commands)
                {
                    if (command.Manager.Layer is not null && !managers.Contains(command.Manager)
                        && !(command.Manager.Name == "gem" && (rubyBase ??= IsRubyBase(context))))
                        managers.Add(command.Manager);
                }
                foreach (var manager in managers)
                    CheckRun(context, stage, run, script, packages, manager);
            }
        }
    }

    private static bool IsRubyBase(RuleContext context) =>
        context.ImageStages[^1].Base is { Kind: StageBaseKind.Image } root && ImageReference.Parse(root.Reference)?.OfficialName == "ruby";

    private static void CheckRun(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, RunPackages packages, PackageManager manager)
    {
        var layer = manager.Layer!;
        PackageCommand? cleanupFirst = null;
        List<PackageCommand>? withoutOption = null;
        foreach (var command in packages.Commands)
        {
            if (command.Manager != manager || (command.Verb & layer.Writes) == 0 || command.CacheDisabledBy is not null
                || packages.MountKeeps(command, CacheUse.OutOfLayer) || packages.EmptiedAfter(command))
                continue;
            if ((command.Verb & layer.OptionVerbs) != 0)
                (withoutOption ??= []).Add(command);
            else
                cleanupFirst ??= command;
        }
        if (cleanupFirst is null && withoutOption is null)
            return;
        // Removing a cache a later RUN still reads (apt lists before a separate `apt-get install`) breaks that RUN: show it, never apply it.
        var safety = layer.LaterNeedsCache is { } needs && LaterRuns(context, stage, run).Any(needs) ? FixSafety.DisplayOnly : FixSafety.Safe;
        if (cleanupFirst is not null)
        {
            // One cleanup at the end empties what every command of the manager left (apk update, then apk add).
            var first = cleanupFirst.Effective;
            var cleanup = layer.Cleanup!;
            var append = ScriptEdits.AppendOffset(script) is { } at ? new Fix($"Append `{cleanup}` to the RUN", safety, [TextEdit.Insert(at, " && " + cleanup)]) : null;
            context.Report(script.ToFileSpan(cleanupFirst.Written.Span),
                $"`{$"{first.Name} {PackageManagers.Subcommand(first)}".Trim()}` leaves {Leftover(layer, cleanupFirst)} in the layer: add `{cleanup}` at the end of this RUN or use a cache mount",
                stage, append, SeverityOf(layer), Aliases(manager, packages));
            return;
        }
        var option = manager.NoCacheOptions[0];
        foreach (var command in withoutOption!)
        {
            // The option goes right after the verb word (pip install, apk add, gem install), wherever global options put it.
            var verb = command.Effective.Arguments.First(w => w.Value is "install" or "add" or "upgrade");
            var display = $"{manager.Name} {verb.Value}";
            var fix = new Fix($"Add {option}", safety, [TextEdit.Insert(script.ToFileSpan(verb.Span).End, " " + option)]);
            context.Report(script.ToFileSpan(command.Written.Span), $"`{display}` without {option} keeps {Leftover(layer, command)} in the layer: use `{display} {option}`",
                stage, fix, SeverityOf(layer), Aliases(manager, packages));
        }
    }

    /// <summary>The manager's usual leftover, or where a variable (PIP_CACHE_DIR, npm_config_cache, …) moved it.</summary>
    private static string Leftover(LayerLeftover layer, PackageCommand command) =>
        command.Caches.FirstOrDefault(c => c.Moved && c.StaysInLayer) is { Path: { } moved } ? moved : layer.Leftover;

    // hadolint reports its apt and apk checks (DL3009, DL3019) as info; a finding carrying their code keeps that default.
    private static Severity? SeverityOf(LayerLeftover layer) => layer.Certain && layer.Alias is not ("DL3009" or "DL3019") ? null : Severity.Info;

    /// <summary>
    /// hadolint's code for the finding, when its check covers these commands: DL3032 and DL3036 only look at installs,
    /// DL3040 at installs, upgrades and reinstalls, DL3060 at `yarn install`; updates and bare `yarn` are ours alone.
    /// </summary>
    private static string[] Aliases(PackageManager manager, RunPackages packages)
    {
        if (manager.Layer?.Alias is not { } alias)
            return [];
        string[]? verbs = manager.Name switch
        {
            "yum" or "yarn" => ["install"],
            "zypper" => ["install", "in"],
            "dnf" or "microdnf" => ["install", "in", "upgrade", "up", "upgrade-minimal", "up-min", "reinstall", "rei"],
            _ => null,
        };
        if (verbs is null)
            return [alias];
        foreach (var command in packages.Commands)
        {
            if (command.Manager != manager)
                continue;
            foreach (var verb in verbs)
            {
                if (command.Effective.HasArgument(verb))
                    return [alias];
            }
        }
        return [];
    }

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
