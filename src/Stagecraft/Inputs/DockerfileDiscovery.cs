namespace Stagecraft.Inputs;

/// <summary>A Dockerfile found for linting: the path to show (as the user would write it) and the path to read.</summary>
/// <param name="DisplayPath">The path in reports: as typed, or the typed folder joined with the path found inside it.</param>
/// <param name="FullPath">The absolute path to read; null for standard input.</param>
public sealed record DiscoveredDockerfile(string DisplayPath, string? FullPath)
{
    public bool IsStandardInput => FullPath is null;
}

/// <summary>
/// Turns <c>stagecraft lint</c> arguments into Dockerfiles: a file is taken as named; a folder is searched recursively
/// (hidden folders included) for files with Dockerfile names, skipping what .gitignore ignores and always .git/ and
/// node_modules/; a glob is matched with the same skipping (matched files are taken whatever their name, matched
/// folders are searched); <c>-</c> is standard input; no argument means the working directory.
/// </summary>
public static class DockerfileDiscovery
{
    /// <summary>The name patterns a folder search looks for, as shown to users.</summary>
    public const string NamePatterns = "Dockerfile, dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile";

    private static readonly string[] AlwaysSkipped = [".git", "node_modules"];

    /// <summary>True for names a folder search picks up. <c>*.dockerignore</c> files (such as <c>Dockerfile.dockerignore</c>) are not Dockerfiles.</summary>
    public static bool IsDockerfileName(string fileName)
    {
        if (fileName is "Dockerfile" or "dockerfile" or "Containerfile")
            return true;
        if (fileName.EndsWith(".dockerignore", StringComparison.Ordinal))
            return false;
        return (fileName.StartsWith("Dockerfile.", StringComparison.Ordinal) && fileName.Length > "Dockerfile.".Length)
            || (fileName.EndsWith(".Dockerfile", StringComparison.Ordinal) && fileName.Length > ".Dockerfile".Length)
            || (fileName.EndsWith(".dockerfile", StringComparison.Ordinal) && fileName.Length > ".dockerfile".Length);
    }

    /// <summary>Resolves every argument in order; a file named twice is linted once.</summary>
    /// <param name="arguments">Paths, folders, globs or <c>-</c>; empty means <paramref name="workingDirectory"/>.</param>
    /// <param name="workingDirectory">What relative arguments are relative to.</param>
    /// <param name="files">How to ask whether a file exists (a run's <see cref="FileProbe"/>); by default, directly.</param>
    /// <exception cref="InputException">A path names nothing, a glob matches nothing, or a folder holds no Dockerfile.</exception>
    public static IReadOnlyList<DiscoveredDockerfile> Find(IReadOnlyList<string> arguments, string workingDirectory, FileProbe? files = null)
    {
        files ??= FileProbe.Direct;
        if (arguments.Count == 0)
            arguments = ["."];
        var found = new List<DiscoveredDockerfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(DiscoveredDockerfile file)
        {
            if (seen.Add(file.FullPath ?? DockerfileInput.StandardInputPath))
                found.Add(file);
        }

        foreach (var argument in arguments)
        {
            if (argument == DockerfileInput.StandardInputPath)
            {
                Add(new DiscoveredDockerfile(argument, null));
                continue;
            }
            if (argument.Length == 0 || argument.Contains('\0'))
                throw new InputNotFoundException(argument);
            var full = Path.GetFullPath(argument, workingDirectory);
            if (files.FileExists(full))
            {
                Add(new DiscoveredDockerfile(argument, full));
            }
            else if (Directory.Exists(full))
            {
                var inside = SearchFolder(full);
                if (inside.Count == 0)
                    throw new NoDockerfilesException(argument, $"no Dockerfiles found (looked for {NamePatterns})");
                foreach (var relative in inside)
                    Add(new DiscoveredDockerfile(JoinDisplay(argument, relative), Path.Combine(full, relative)));
            }
            else if (PathGlob.HasWildcards(argument))
            {
                var matches = Expand(argument, workingDirectory);
                if (matches.Count == 0)
                    throw new NoDockerfilesException(argument, "no files match this pattern");
                foreach (var match in matches)
                    Add(match);
            }
            else
            {
                throw new InputNotFoundException(argument);
            }
        }
        return found;
    }

    /// <summary>Dockerfiles under a folder, as '/'-separated paths relative to it, in ordinal order.</summary>
    internal static IReadOnlyList<string> SearchFolder(string folder)
    {
        var results = new List<string>();
        Walk(folder, [], GitIgnore.For(folder), results, onFile: (relative, _) => IsDockerfileName(relative[^1]), enterFolder: _ => true,
            onFolder: null);
        results.SortInPlace(StringComparer.Ordinal);
        return results;
    }

    private static List<DiscoveredDockerfile> Expand(string pattern, string workingDirectory)
    {
        // The literal folders before the first wildcard are where the walk starts; the rest is matched.
        var rooted = pattern.StartsWith('/') || Path.IsPathRooted(pattern);
        var names = PathGlob.Split(pattern);
        var literal = names.TakeWhile(n => !PathGlob.HasWildcards(n)).ToArray();
        var baseDisplay = string.Join('/', literal);
        if (rooted)
            baseDisplay = Path.GetPathRoot(pattern)!.Replace('\\', '/') + baseDisplay.TrimStart('/');
        var baseFull = Path.GetFullPath(baseDisplay.Length == 0 ? "." : baseDisplay, workingDirectory);
        if (!Directory.Exists(baseFull))
            return [];
        var glob = new PathGlob(string.Join('/', names.Skip(literal.Length)));

        var files = new List<string>();
        Walk(baseFull, [], GitIgnore.For(baseFull), files,
            onFile: (relative, _) => glob.Matches(relative),
            enterFolder: relative => glob.CouldMatchInside(relative),
            onFolder: (relative, full) =>
            {
                if (!glob.Matches(relative))
                    return false;
                // A matched folder is searched like a folder argument.
                foreach (var inside in SearchFolder(full))
                    files.Add(string.Join('/', relative) + "/" + inside);
                return true;
            });
        files.SortInPlace(StringComparer.Ordinal);
        return files.Select(relative => new DiscoveredDockerfile(
            baseDisplay.Length == 0 ? relative : JoinDisplay(baseDisplay, relative),
            Path.GetFullPath(relative, baseFull))).ToList();
    }

    /// <summary>
    /// Depth-first walk that skips .git/, node_modules/, ignored entries and symbolic links to folders (no cycles).
    /// <paramref name="onFolder"/> may take a folder over (returning true), so it is not walked into.
    /// </summary>
    private static void Walk(string folder, string[] relative, GitIgnore ignore, List<string> results,
        Func<string[], string, bool> onFile, Func<string[], bool> enterFolder, Func<string[], string, bool>? onFolder)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return; // an unreadable folder holds nothing we can lint
        }
        foreach (var entry in entries)
        {
            string[] path = [.. relative, entry.Name];
            if (entry is DirectoryInfo directory)
            {
                if (AlwaysSkipped.Contains(entry.Name) || directory.LinkTarget is not null || ignore.IsIgnored(entry.FullName, isDirectory: true))
                    continue;
                if (onFolder?.Invoke(path, entry.FullName) == true)
                    continue;
                if (enterFolder(path))
                    Walk(entry.FullName, path, ignore.Enter(entry.FullName), results, onFile, enterFolder, onFolder);
            }
            else if (!ignore.IsIgnored(entry.FullName, isDirectory: false) && onFile(path, entry.FullName))
            {
                results.Add(string.Join('/', path));
            }
        }
    }

    private static string JoinDisplay(string folder, string relative)
    {
        if (folder is "." or "./")
            return relative;
        return folder.EndsWith('/') || folder.EndsWith(Path.DirectorySeparatorChar) ? folder + relative : folder + "/" + relative;
    }
}
