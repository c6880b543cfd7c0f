using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A path an instruction writes into its layer (absolute, no trailing slash).</summary>
/// <param name="IsTree">A folder the instruction fills (a clone, a cache, a copied context folder), so removing part of it counts.</param>
/// <param name="ContextFolder">For a folder copied from the build context: the source folder, whose contents only the context shows.</param>
/// <param name="Command">For a path a RUN writes: the command that writes it.</param>
internal sealed record AddedPath(string Path, InstructionSyntax Instruction, ShellCommand? Command, bool IsTree, string? ContextFolder = null)
{
    /// <summary>What added the path, for messages: <c>COPY on line 3</c> or <c>`wget -O /tmp/x.tgz …` on line 4</c>.</summary>
    public string How => Command is null
        ? $"{Instruction.Keyword.ToUpperInvariant()} on line {Instruction.StartLine}"
        : $"`{LayerFiles.Short(Command.Text)}` on line {Instruction.StartLine}";
}

/// <summary>
/// What instructions put into layers, as far as the Dockerfile shows: COPY/ADD destinations, downloads (wget -O, curl -o/-O),
/// git clones, shell redirections and the package-manager caches of <see cref="PackageManagers"/>.
/// </summary>
internal static class LayerFiles
{
    private static readonly string[] Archives = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"];

    /// <summary>Joins and normalises a path inside the image (see <see cref="ContainerPath.Resolve"/>).</summary>
    public static string Resolve(string directory, string path) => ContainerPath.Resolve(directory, path);

    /// <summary>Adds the paths a COPY or ADD writes to <paramref name="into"/>; folders copied from the context carry their source folder.</summary>
    public static void AddCopied(List<AddedPath> into, SemanticModel model, FileTransferInstructionSyntax copy, string workdir)
    {
        if (copy.Destination is null || model.Expand(copy, copy.Destination.Value) is not { Succeeded: true } expanded || expanded.Value.Contains('$'))
            return;
        var destination = Resolve(workdir, expanded.Value);
        var intoFolder = expanded.Value.EndsWith('/') || expanded.Value is "." || copy.Sources.Count > 1;
        var sources = copy.PathSources;
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i].Value;
            var isUrl = source.StartsWith("http://", StringComparison.Ordinal) || source.StartsWith("https://", StringComparison.Ordinal);
            if (source.Contains('$') || (copy is AddInstructionSyntax && !isUrl && (IsArchive(source) || source.Contains(".git"))))
                continue; // local archives are unpacked by ADD, so the archive itself never lands in the layer
            if (source is "." or "./" || source.EndsWith('/'))
            {
                if (copy is CopyInstructionSyntax { From: not null })
                    continue;
                into.Add(new AddedPath(destination, copy, null, true, source));
                continue;
            }
            if (source.AsSpan().IndexOfAny('*', '?', '[') >= 0)
                continue;
            var name = isUrl ? new Uri(source).Segments.LastOrDefault()?.TrimEnd('/') ?? "" : LastSegment(source.TrimEnd('/'));
            if (name.Length > 0)
                into.Add(new AddedPath(intoFolder ? Resolve(destination, name) : destination, copy, null, false));
        }
    }

    private static bool IsArchive(string source)
    {
        foreach (var archive in Archives)
        {
            if (source.EndsWith(archive, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Adds the paths a RUN's script writes to <paramref name="into"/>, in order, each with the script offset it is written at.</summary>
    /// <param name="writes">A list to work in, left empty; the caller keeps it across RUNs so a file's walk allocates it once.</param>
    public static void AddRunWrites(List<(AddedPath Path, int At)> into, List<(string? Path, bool IsTree)> writes, RunInstructionSyntax run, ShellScript script,
        string workdir, VariableScope scope, bool root)
    {
        var cwd = (string?)workdir;
        foreach (var raw in script.Commands)
        {
            var command = raw.Unwrap();
            if (command.IsNamed("cd", "pushd", "popd"))
            {
                // Only a plain top-level cd is followed; after any other, relative paths are unknown.
                cwd = command.IsNamed("cd") && raw.Depth == 0 && command.PositionalArguments is [{ IsLiteral: true } target] && cwd is not null ? Resolve(cwd, target.Value) : null;
                continue;
            }
            writes.Clear();
            AddWrites(writes, command, cwd, scope, root);
            foreach (var (path, isTree) in writes)
            {
                if (path is not null && !InMount(run, workdir, path))
                    into.Add((new AddedPath(path, run, raw, isTree), raw.Span.Start));
            }
        }
        writes.Clear();
    }

    /// <summary>True when a cache, tmpfs or bind mount of the RUN holds the path, so it never reaches the layer.</summary>
    private static bool InMount(RunInstructionSyntax run, string workdir, string path)
    {
        var mounts = run.Mounts;
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            if (mount.Type is "cache" or "tmpfs" or "bind" && mount.Target is { } target && Covers(Resolve(workdir, target), path, true))
                return true;
        }
        return false;
    }

    /// <summary>True when removing <paramref name="removed"/> (which may hold a glob) deletes <paramref name="path"/>, or part of it when it is a tree.</summary>
    // Asked for every removed path against every path the earlier layers added: no strings are built here.
    public static bool Covers(string removed, string path, bool isTree) =>
        path == removed || IsInside(path, removed) || (isTree && IsInside(removed, path))
        || (removed.AsSpan().IndexOfAny('*', '?') >= 0 && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(removed, path, ignoreCase: false));

    /// <summary>Whether <paramref name="path"/> is below the folder <paramref name="folder"/> (<c>/a/b</c> is inside <c>/a</c>, <c>/ab</c> is not).</summary>
    public static bool IsInside(string path, string folder) =>
        path.Length > folder.Length && path[folder.Length] == '/' && path.StartsWith(folder, StringComparison.Ordinal);

    private static void AddWrites(List<(string? Path, bool IsTree)> into, ShellCommand command, string? cwd, VariableScope scope, bool root)
    {
        foreach (var redirection in command.Redirections)
        {
            if (redirection.Operator is ShellRedirectionOperator.Output or ShellRedirectionOperator.Append or ShellRedirectionOperator.Clobber
                && redirection.Target is { IsLiteral: true } target && !target.Value.StartsWith("/dev/", StringComparison.Ordinal))
                into.Add((Local(cwd, target.Value), false));
        }
        var words = command.BaseName is "wget" or "curl" or "git" ? command.PositionalArguments.Select(w => w.Value).ToArray() : [];
        switch (command.BaseName)
        {
            case "wget" or "curl":
                var output = Output(command, command.BaseName == "wget" ? 'O' : 'o', command.BaseName == "wget" ? "--output-document" : "--output");
                var url = words.FirstOrDefault(w => w.Contains("://", StringComparison.Ordinal));
                if (output is not null)
                    into.Add((output == "-" ? null : Local(cwd, output), false));
                else if (url is not null && (command.BaseName == "wget" || command.HasOption("-O", "--remote-name")))
                    into.Add((Local(command.GetOptionValue("-P", "--directory-prefix") is { } prefix ? Local(cwd, prefix) : cwd, url.Split('?')[0].TrimEnd('/').Split('/')[^1]), false));
                break;
            case "git" when words is ["clone", var repository, ..]:
                into.Add((Local(cwd, words.Length > 2 ? words[2] : repository.TrimEnd('/').Split('/')[^1].Replace(".git", "", StringComparison.Ordinal)), true));
                break;
        }
        // The caches STG003 knows about; a cache in an unknown home (a non-root user) cannot be named.
        if (PackageManagers.Find(command) is { Layer: { } layer } manager && (manager.Read(command) & layer.Writes) != 0
            && CacheCoverage.DisabledBy(manager, command, scope, null) is null)
        {
            foreach (var location in CacheCoverage.Locate(manager, command, scope, null))
            {
                if (location.StaysInLayer && (location.Path.StartsWith('/') ? location.Path : root ? "/root" + location.Path[1..] : null) is { } path)
                    into.Add((path, true));
            }
        }
    }

    /// <summary>The value of wget -O / curl -o, also inside a cluster such as <c>-fsSLo</c> or <c>-qO-</c>.</summary>
    private static string? Output(ShellCommand command, char letter, string longName)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value == longName || (value.Length > 1 && value[0] == '-' && value[1] != '-' && value[^1] == letter))
                return i + 1 < arguments.Count ? arguments[i + 1].Value : null;
            if (value.StartsWith(longName + "=", StringComparison.Ordinal))
                return value[(longName.Length + 1)..];
            if (value.Length > 2 && value[0] == '-' && value[1] != '-' && value.IndexOf(letter) is > 0 and var at && value[1..at].All(char.IsAsciiLetter))
                return value[(at + 1)..];
        }
        return null;
    }

    private static string? Local(string? cwd, string? path) =>
        path is null || path.Contains('$') || path.Contains('`') || path.StartsWith('~') ? null : path.StartsWith('/') ? Resolve("/", path) : cwd is null ? null : Resolve(cwd, path);

    internal static string Short(string text)
    {
        text = string.Join(' ', text.Split([' ', '\t', '\r', '\n', '\\'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}
