using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>One package-manager command of a RUN, with where it caches and what (if anything) turned its cache off.</summary>
/// <param name="Written">The command as written (its span is the finding's span).</param>
/// <param name="Effective">The command without wrappers such as sudo or env.</param>
/// <param name="CacheDisabledBy">The option or variable that makes it keep no cache, or null.</param>
internal sealed record PackageCommand(ShellCommand Written, ShellCommand Effective, PackageManager Manager, PackageVerb Verb,
    CacheLocation[] Caches, string? CacheDisabledBy);

/// <summary>
/// A RUN read once for every cache rule: its package-manager commands in order, its mounts, and the paths it removes,
/// so each rule asks questions of this instead of walking the script again.
/// </summary>
internal sealed class RunPackages
{
    private readonly List<(int At, string Path)>? _removals;
    private readonly Dictionary<string, int>? _lastClean;

    private RunPackages(ItemList<PackageCommand> commands, MountPath[] mounts, List<(int, string)>? removals, Dictionary<string, int>? lastClean)
    {
        Commands = commands;
        Mounts = mounts;
        _removals = removals;
        _lastClean = lastClean;
    }

    public ItemList<PackageCommand> Commands { get; }

    public IReadOnlyList<MountPath> Mounts { get; }

    /// <summary>The RUN's packages, read once per file and kept on the context: STG003 and STG014 read the same RUNs.</summary>
    /// <remarks>An ONBUILD trigger sees the stage's final scope, which is what <see cref="Stage.ScopeAt"/> gives it.</remarks>
    public static RunPackages Of(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script)
    {
        var cache = context.PackagesByRun ??= new(ReferenceEqualityComparer.Instance);
        if (!cache.TryGetValue(run, out var packages))
            cache.Add(run, packages = Read(context.Model, run, script.Script, stage.ScopeAt(run)));
        return packages;
    }

    /// <summary>Reads a RUN's script; <paramref name="scope"/> is what the RUN sees (for an ONBUILD trigger, the stage's final scope).</summary>
    public static RunPackages Read(SemanticModel model, RunInstructionSyntax run, ShellScript script, VariableScope scope)
    {
        List<PackageCommand>? commands = null;
        List<(int, string)>? removals = null;
        Dictionary<string, string>? exported = null;
        Dictionary<string, int>? lastClean = null;
        foreach (var written in script.Commands)
        {
            var command = written.Unwrap();
            if (command.IsNamed("export"))
            {
                foreach (var argument in command.Arguments)
                {
                    if (ShellAssignment.TryCreate(argument) is { } assignment)
                        (exported ??= new(StringComparer.Ordinal))[assignment.Name] = assignment.Value;
                }
            }
            else if (command.IsNamed("rm") || (command.IsNamed("find") && (command.HasArgument("-delete") || command.HasArgument("-exec"))))
            {
                foreach (var word in command.PositionalArguments)
                {
                    if (CacheCoverage.Normalize(word.Value) is { Length: > 0 } path)
                        (removals ??= []).Add((written.Span.Start, path));
                }
            }
            else if (PackageManagers.Find(command) is { } manager && manager.Read(command) is var verb and not PackageVerb.None)
            {
                (commands ??= []).Add(new(written, command, manager, verb, CacheCoverage.Locate(manager, command, scope, exported), CacheCoverage.DisabledBy(manager, command, scope, exported)));
                if (verb == PackageVerb.CleanCache)
                    (lastClean ??= new(StringComparer.Ordinal))[manager.Family] = written.Span.Start;
            }
        }
        return new RunPackages(commands is null ? ItemList<PackageCommand>.Empty : new(commands), CacheCoverage.MountsOf(model, run), removals, lastClean);
    }

    /// <summary>True when a mount of this RUN keeps the command's cache as <paramref name="use"/> asks.</summary>
    public bool MountKeeps(PackageCommand command, CacheUse use) => CacheCoverage.Keeps(Mounts, command.Caches, use);

    /// <summary>True when, after the command, the RUN removes a cache of it that stays in the layer, or runs its family's clean command.</summary>
    public bool EmptiedAfter(PackageCommand command)
    {
        var at = command.Written.Span.Start;
        if (_lastClean is not null && _lastClean.TryGetValue(command.Manager.Family, out var cleaned) && cleaned > at)
            return true;
        if (_removals is null)
            return false;
        foreach (var (removedAt, path) in _removals)
        {
            if (removedAt <= at)
                continue;
            foreach (var location in command.Caches)
            {
                if (location.StaysInLayer && CacheCoverage.Covers(path, location.Path, orInside: false))
                    return true;
            }
        }
        return false;
    }
}
