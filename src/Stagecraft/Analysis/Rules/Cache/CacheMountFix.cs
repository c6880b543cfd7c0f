using System.Globalization;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>
/// Builds STG014's fix for one RUN: every cache mount the RUN's managers need, inserted together before the RUN's flags
/// (one fix shared by all the RUN's findings, so the applier takes it once and mounts never collide), plus what makes
/// the mounts work: the options that turn the cache off go, apt's docker-clean hook goes, and cleanup commands at the
/// end of the RUN that would empty the mounted caches go. A manager whose cache folder the Dockerfile does not make
/// certain (the user's home or uid unknown, bundler or composer without their variables, the cache turned off by a
/// variable) gets a display-only fix saying why instead.
/// </summary>
internal static class CacheMountFix
{
    private const string DockerClean = "/etc/apt/apt.conf.d/docker-clean";

    private static readonly string[] RpmInstallVerbs = ["install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "distro-sync", "upgrade-minimal"];

    /// <summary>A cache mount to add; <paramref name="ForUser"/> marks one the (non-root) user of the RUN writes to, which needs that user's uid.</summary>
    private sealed record Mount(string Target, bool Locked, bool ForUser);

    private sealed record Plan(PackageManager Manager, List<Mount> Mounts, List<TextEdit> Edits, string? Refusal);

    /// <summary>
    /// The fix for each manager of <paramref name="commands"/> (the RUN's commands that lack a cache mount, in order), and
    /// for a RUN of a non-root user, the manager's mounts as the fix writes them (for the message; null otherwise).
    /// </summary>
    /// <remarks>Written with plain loops: it runs for every RUN STG014 reports, a few hundred times over a large repository.</remarks>
    public static Dictionary<PackageManager, (Fix Fix, string? Mounts)> For(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, RunPackages packages,
        List<PackageCommand> commands)
    {
        var scope = stage.ScopeAt(run);
        var account = RunAccount.At(context, stage, run);
        string? image = null;
        var imageRead = false;
        var plans = new List<Plan>(1);
        foreach (var command in commands)
        {
            var index = IndexOf(plans, command.Manager);
            if (index < 0)
            {
                index = plans.Count;
                plans.Add(new Plan(command.Manager, [], [], null));
            }
            var plan = plans[index];
            if (plan.Refusal is not null)
                continue;
            // Only a few managers' folders depend on the base image: read it when one of them is there.
            if (!imageRead && command.Manager.Name is "go" or "cargo" or "bundle" or "composer")
                (image, imageRead) = (RunAccount.OfficialBase(stage), true);
            var refusal = AddCommand(plan, command, script, scope, account, image);
            if (refusal is not null)
                plans[index] = plan with { Refusal = refusal };
        }

        var fixes = new Dictionary<PackageManager, (Fix, string?)>();
        foreach (var plan in plans)
        {
            if (plan.Refusal is not null)
                fixes[plan.Manager] = (new Fix($"no cache mount: {plan.Refusal}", FixSafety.DisplayOnly, []), null);
        }
        var accepted = plans;
        accepted.RemoveAll(p => p.Refusal is not null);
        if (accepted.Count == 0)
            return fixes;

        // A tmpfs or bind mount the RUN already has on one of the folders: a second mount there would not build.
        if (AlreadyMounted(accepted, packages) is { } taken)
        {
            var refusal = new Fix($"no cache mount: the RUN already mounts {taken.Target}", FixSafety.DisplayOnly, []);
            foreach (var plan in accepted)
                fixes[plan.Manager] = (refusal, null);
            return fixes;
        }
        // Each folder once, in the order the managers need them.
        var targets = new List<string>();
        var flags = new List<string>();
        foreach (var plan in accepted)
        {
            foreach (var mount in plan.Mounts)
            {
                if (!targets.Contains(mount.Target))
                {
                    targets.Add(mount.Target);
                    flags.Add(Flag(mount, account));
                }
            }
        }
        var edits = new List<TextEdit> { TextEdit.Insert(FlagsStart(run), string.Join(" ", flags) + " ") };
        foreach (var plan in accepted)
            edits.AddRange(plan.Edits);
        if (IndexOf(accepted, PackageManagers.Apt) >= 0 && Prelude(script, AptPrelude(context, stage, run, script, commands)) is { } prelude)
            edits.Add(prelude);
        if (TrailingCleanup(script, accepted, targets) is { } cleanup)
            edits.Add(TextEdit.Delete(cleanup));
        edits = MergeInserts(edits);

        var title = flags.Count == 1 ? $"Add a cache mount for {accepted[0].Manager.Name}" : $"Add cache mounts for {string.Join(" and ", Names(accepted))}";
        var fix = new Fix(title, FixSafety.Unsafe, edits) { Claims = Claims(script, packages, accepted, edits) };
        foreach (var plan in accepted)
            fixes[plan.Manager] = (fix, account is null ? null : string.Join(" and ", plan.Mounts.Select(m => $"`{Flag(m, account)}`")));
        return fixes;
    }

    private static int IndexOf(List<Plan> plans, PackageManager manager)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            if (plans[i].Manager == manager)
                return i;
        }
        return -1;
    }

    private static string[] Names(List<Plan> plans)
    {
        var names = new string[plans.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = plans[i].Manager.Name;
        return names;
    }

    /// <summary>The first mount of the plans whose folder the RUN already mounts, or null.</summary>
    private static Mount? AlreadyMounted(List<Plan> plans, RunPackages packages)
    {
        var existing = packages.Mounts;
        if (existing.Count == 0)
            return null;
        foreach (var plan in plans)
        {
            foreach (var mount in plan.Mounts)
            {
                for (var i = 0; i < existing.Count; i++)
                {
                    if (existing[i].Path == mount.Target)
                        return mount;
                }
            }
        }
        return null;
    }

    /// <summary>Adds the mounts and edits one command needs to its manager's plan; returns why it cannot be fixed, or null.</summary>
    private static string? AddCommand(Plan plan, PackageCommand command, RunScript script, VariableScope scope, RunAccount? account, string? image)
    {
        var manager = command.Manager;
        if (command.CacheDisabledBy is { } disabled)
        {
            if (!disabled.StartsWith('-'))
                return $"{disabled} turns {manager.Name}'s cache off; remove it, then mount the cache";
            if (OptionRemoval(command, disabled, script) is not { } removal)
                return $"{disabled} turns {manager.Name}'s cache off and is not written as a separate option here";
            plan.Edits.Add(removal);
        }
        // yum and dnf delete downloaded packages after a successful transaction (keepcache=0); only the metadata would stay.
        if (manager.Name is "yum" or "dnf" && !command.Effective.Words.Any(w => w.Value.Contains("keepcache", StringComparison.Ordinal))
            && FirstArgument(command.Effective, RpmInstallVerbs) is { } verb)
            plan.Edits.Add(TextEdit.Insert(script.ToFileSpan(verb.Span).End, " --setopt=keepcache=1"));
        if (manager.Name == "npm" && command.Effective.HasOption("--cache"))
            return "--cache moves npm's cache for this command; mount the folder it names";
        foreach (var (directory, fallback) in Directories(command, account, image))
        {
            var path = MovedTo(command, directory) ?? fallback;
            if (path is null)
                return UnknownFolder(manager);
            var system = path.StartsWith('/') && IsSystemManager(manager);
            if (path.StartsWith("~/", StringComparison.Ordinal) || path == "~")
            {
                if (Home(scope, account) is not { } home)
                    return $"the RUN runs as user {account!.User}, whose home the Dockerfile does not show (useradd -m or -d)";
                path = string.Concat(home, path.AsSpan(1));
            }
            if (account is not null && !system && account.Uid is null)
                return $"the RUN runs as user {account.User}, whose uid the Dockerfile does not show (useradd -u): the mount would belong to root";
            plan.Mounts.Add(new Mount(path, system, !system));
        }
        return null;
    }

    /// <summary>Where a variable moved the manager's cache folder number <paramref name="directory"/>, or null.</summary>
    private static string? MovedTo(PackageCommand command, int directory)
    {
        foreach (var cache in command.Caches)
        {
            if (cache.Moved && cache.Directory == directory)
                return cache.Path;
        }
        return null;
    }

    /// <summary>The first argument that is one of <paramref name="values"/>, or null.</summary>
    private static ShellWord? FirstArgument(ShellCommand command, string[] values)
    {
        foreach (var word in command.Arguments)
        {
            if (Array.IndexOf(values, word.Value) >= 0)
                return word;
        }
        return null;
    }

    /// <summary>For each of the manager's cache folders worth mounting: its index in <see cref="PackageManager.Caches"/> and the folder when no variable moved it (<c>~</c> for the home; null when unknown).</summary>
    private static IEnumerable<(int Directory, string? Default)> Directories(PackageCommand command, RunAccount? account, string? image)
    {
        switch (command.Manager.Name)
        {
            case "apt-get":
                // Downloaded .debs and the lists; apt locks both, so concurrent builds must take turns. Not all of
                // /var/lib/apt: its extended_states (which packages were installed only as dependencies) belongs in the image.
                yield return (-1, "/var/cache/apt");
                yield return (-1, "/var/lib/apt/lists");
                break;
            case "apk":
                yield return (-1, "/etc/apk/cache");
                break;
            case "yum":
                yield return (-1, "/var/cache/yum");
                break;
            case "dnf" or "microdnf":
                yield return (-1, "/var/cache/dnf");
                break;
            case "zypper":
                yield return (-1, "/var/cache/zypp");
                break;
            case "yarn":
                // Yarn 1, which the node images ship, caches under /usr/local/share for root and in the home otherwise.
                yield return (0, account is null ? "/usr/local/share/.cache/yarn" : "~/.cache/yarn");
                break;
            case "go":
                // A build also reads the modules: without the module cache it would download them again.
                if (command.Effective.PositionalArguments[0].Value != "mod")
                    yield return (0, "~/.cache/go-build");
                yield return (1, image == "golang" ? "/go/pkg/mod" : "~/go/pkg/mod");
                break;
            case "cargo":
                yield return (0, image == "rust" ? "/usr/local/cargo/registry" : "~/.cargo/registry");
                break;
            case "mvn":
                yield return (0, "~/.m2");
                break;
            case "bundle":
                yield return (0, image == "ruby" ? "/usr/local/bundle/cache" : null);
                break;
            case "composer":
                yield return (0, image == "composer" ? "/tmp/cache" : null);
                break;
            default:
                // Everywhere else the manager caches where its table says first (pip, npm, gradle, …).
                yield return (0, command.Manager.Caches is [{ Paths: [var folder, ..] }, ..] ? folder : null);
                break;
        }
    }

    private static string UnknownFolder(PackageManager manager) => manager.Name switch
    {
        "bundle" => "where bundler keeps downloaded gems depends on BUNDLE_PATH or GEM_HOME, which the Dockerfile does not set",
        "composer" => "where composer caches depends on COMPOSER_HOME and the XDG folders; set COMPOSER_CACHE_DIR and mount that",
        _ => $"the Dockerfile does not show where {manager.Name} caches",
    };

    private static bool IsSystemManager(PackageManager manager) => manager.Name is "apt-get" or "apk" or "yum" or "dnf" or "microdnf" or "zypper";

    /// <summary>The home of whoever runs the RUN: HOME when ENV/ARG set it, else root's or the account's.</summary>
    private static string? Home(VariableScope scope, RunAccount? account)
    {
        if (scope.Find("HOME") is { Value: { } value } && value.StartsWith('/') && !value.Contains('$'))
            return value.TrimEnd('/');
        return account is null ? "/root" : account.Home;
    }

    private static string Flag(Mount mount, RunAccount? account)
    {
        var flag = "--mount=type=cache,target=" + mount.Target + (mount.Locked ? ",sharing=locked" : "");
        if (mount.ForUser && account is { Uid: { } uid })
        {
            flag += ",uid=" + uid.ToString(CultureInfo.InvariantCulture);
            if (account.Gid is { } gid)
                flag += ",gid=" + gid.ToString(CultureInfo.InvariantCulture);
        }
        return flag;
    }

    /// <summary>Where new flags go: before the RUN's first flag, or before its command.</summary>
    private static int FlagsStart(RunInstructionSyntax run)
    {
        var flags = run.Flags;
        if (flags.Count == 0)
            return run.ArgumentsSpan.Start;
        var start = flags[0].Span.Start;
        for (var i = 1; i < flags.Count; i++)
            start = Math.Min(start, flags[i].Span.Start);
        return start;
    }

    /// <summary>Deletes an option such as --no-cache-dir (and the blank before it) from the command; null when it is not a word of its own.</summary>
    private static TextEdit? OptionRemoval(PackageCommand command, string option, RunScript script)
    {
        var words = command.Effective.Words;
        for (var i = 1; i < words.Count; i++)
        {
            var value = words[i].Value;
            if (value == "--")
                return null;
            if (value == option || (option.StartsWith("--", StringComparison.Ordinal) && value.StartsWith(option + "=", StringComparison.Ordinal)))
                return TextEdit.Delete(script.ToFileSpan(new ShellSpan(words[i - 1].Span.End, words[i].Span.End - words[i - 1].Span.End)));
        }
        return null;
    }

    /// <summary>
    /// What apt needs before it keeps downloads: the Debian and Ubuntu images' docker-clean hook deletes every .deb after
    /// an install, and the `apt` front end (unlike apt-get) deletes them too unless told to keep them. Each is left out
    /// when this RUN or one before it (in its stage or the stages below) already sees to it.
    /// </summary>
    private static List<string> AptPrelude(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, List<PackageCommand> commands)
    {
        var lines = new List<string>(2);
        if (!WrittenBefore(context, stage, run, script, DockerClean))
            lines.Add($"rm -f {DockerClean}");
        if (commands.Any(c => c.Manager == PackageManagers.Apt && c.Effective.BaseName == "apt") && !WrittenBefore(context, stage, run, script, KeepDownloads))
            lines.Add($"echo '{KeepDownloads} \"true\";' > /etc/apt/apt.conf.d/keep-cache");
        return lines;
    }

    /// <summary>True when <paramref name="text"/> is in this RUN's script or that of a RUN before it.</summary>
    private static bool WrittenBefore(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, string text)
    {
        if (script.Text.Contains(text, StringComparison.Ordinal))
            return true;
        foreach (var earlier in StageChain.Earlier(stage, run))
        {
            if (earlier is RunInstructionSyntax other && context.Script(other) is { } written && written.Text.Contains(text, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private const string KeepDownloads = "Binary::apt::APT::Keep-Downloaded-Packages";

    /// <summary>
    /// Puts <paramref name="lines"/> before the script: <c>… &amp;&amp;</c> before a shell-form script, lines of their own before
    /// the first command of a heredoc (after a shebang or comments).
    /// </summary>
    private static TextEdit? Prelude(RunScript script, List<string> lines)
    {
        if (lines.Count == 0 || script.Script.Commands.Count == 0)
            return null;
        if (script.Heredoc is null)
            return TextEdit.Insert(script.ToFileOffset(0), string.Concat(lines.Select(l => l + " && ")));
        var first = script.Script.Commands.MinBy(c => c.Span.Start)!;
        var text = script.Text;
        var lineStart = first.Span.Start == 0 ? 0 : text.LastIndexOf('\n', first.Span.Start - 1) + 1;
        var indent = text[lineStart..first.Span.Start];
        if (indent.Trim().Length > 0)
            return null;
        return TextEdit.Insert(script.ToFileOffset(lineStart), string.Concat(lines.Select(l => indent + l + "\n")));
    }

    /// <summary>
    /// The cleanup commands that end the script (<c>rm -rf /var/lib/apt/lists/*</c>, <c>apt-get clean</c>, <c>yum clean
    /// all</c>, <c>npm cache clean --force</c>, …) when they only empty folders the new mounts keep: with the mounts they
    /// would throw away the cache they are there for. The span runs from the end of the command before them.
    /// </summary>
    private static TextSpan? TrailingCleanup(RunScript script, List<Plan> managers, List<string> targets)
    {
        var shell = script.Script;
        if (shell.HasDiagnostics || shell.Commands.Count < 2)
            return null;
        var last = shell.Commands[0];
        foreach (var command in shell.Commands)
        {
            if (command.Span.End > last.Span.End)
                last = command;
        }
        ShellCommand? firstDropped = null;
        for (var command = last; command is not null; command = command.Previous)
        {
            if (command.Depth != 0 || command.IsInPipeline || command.IsBackground || !EmptiesOnly(command.Unwrap(), managers, targets)
                || command.Previous is not { Connector: ShellOperator.And or ShellOperator.Semicolon or ShellOperator.Newline })
                break;
            firstDropped = command;
        }
        if (firstDropped is null || AfterLast(script, last))
            return null;
        var start = firstDropped.Previous!.Span.End;
        return script.ToFileSpan(new ShellSpan(start, last.Span.End - start));
    }

    /// <summary>True when anything but blanks follows the last command (a comment, a closing keyword).</summary>
    private static bool AfterLast(RunScript script, ShellCommand last) =>
        script.Text.AsSpan(last.Span.End).Trim().Length > 0;

    private static bool EmptiesOnly(ShellCommand command, List<Plan> managers, List<string> targets)
    {
        if (command.IsNamed("rm"))
        {
            var paths = command.PositionalArguments;
            if (paths.Count == 0)
                return false;
            foreach (var word in paths)
            {
                if (CacheCoverage.Normalize(word.Value) is not { Length: > 0 } path || !InsideAny(path, targets))
                    return false;
            }
            return true;
        }
        if (PackageManagers.Find(command) is not { } manager || IndexOf(managers, manager) < 0)
            return false;
        return manager.Read(command) == PackageVerb.CleanCache
            || (manager == PackageManagers.Apt && PackageManagers.Verb(command, []) is "clean" or "autoclean");
    }

    /// <summary>True when <paramref name="path"/> is one of <paramref name="targets"/> or inside one.</summary>
    private static bool InsideAny(string path, List<string> targets)
    {
        foreach (var target in targets)
        {
            if (path == target || (path.Length > target.Length && path[target.Length] == '/' && path.StartsWith(target, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// STG003 would, in the same round, add its own remedy for these commands (an option after the verb, a cleanup at the
    /// end of the RUN), which the mounts make unnecessary and which would empty them. Claiming that spot keeps its fix for
    /// the next round, when the mounts are there and STG003 no longer asks for it.
    /// </summary>
    private static TextSpan[] Claims(RunScript script, RunPackages packages, List<Plan> accepted, List<TextEdit> edits)
    {
        List<int>? offsets = null;
        foreach (var command in packages.Commands)
        {
            if (IndexOf(accepted, command.Manager) < 0 || command.Manager.Layer is not { } layer || command.CacheDisabledBy is not null
                || (command.Verb & layer.Writes) == 0 || packages.EmptiedAfter(command) || packages.MountKeeps(command, CacheUse.OutOfLayer))
                continue;
            int? offset = null;
            if ((command.Verb & layer.OptionVerbs) != 0)
            {
                if (FirstArgument(command.Effective, StoreVerbs) is { } verb)
                    offset = script.ToFileSpan(verb.Span).End;
            }
            else
            {
                offset = ScriptEdits.AppendOffset(script);
            }
            if (offset is { } at && !(offsets ??= []).Contains(at))
                offsets.Add(at);
        }
        if (offsets is null)
            return [];
        offsets.SortInPlace();
        var claims = new List<TextSpan>(offsets.Count);
        foreach (var offset in offsets)
        {
            if (!Touches(edits, offset))
                claims.Add(new TextSpan(offset, 0));
        }
        return [.. claims];
    }

    private static readonly string[] StoreVerbs = ["install", "add", "upgrade"];

    private static bool Touches(List<TextEdit> edits, int offset)
    {
        foreach (var edit in edits)
        {
            if (edit.Span.Start <= offset && offset <= edit.Span.End)
                return true;
        }
        return false;
    }

    /// <summary>Joins inserts at one offset (the mounts and apt's prelude both before a flagless command) into one edit, in order.</summary>
    private static List<TextEdit> MergeInserts(List<TextEdit> edits)
    {
        var merged = new List<TextEdit>();
        foreach (var edit in edits)
        {
            var same = edit.Span.Length == 0 ? InsertAt(merged, edit.Span.Start) : -1;
            if (same >= 0)
                merged[same] = merged[same] with { NewText = merged[same].NewText + edit.NewText };
            else
                merged.Add(edit);
        }
        return merged;
    }

    private static int InsertAt(List<TextEdit> edits, int offset)
    {
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Span.Length == 0 && edits[i].Span.Start == offset)
                return i;
        }
        return -1;
    }
}
