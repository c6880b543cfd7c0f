namespace Stagecraft.Inputs;

/// <summary>
/// The <c>.gitignore</c> rules that apply inside one folder: its own file's and those of every folder above it up to
/// the repository root (plus the root's <c>.git/info/exclude</c>). Follows gitignore's common pattern rules: comments,
/// <c>!</c> negation, a trailing <c>/</c> for folders only, a leading or inner <c>/</c> anchoring the pattern to its
/// file's folder, <c>*</c>, <c>?</c>, <c>[…]</c> and <c>**</c>; the last matching pattern wins and deeper files win over
/// outer ones. Not read: the global <c>core.excludesFile</c>; and unlike git, a tracked file that a pattern matches is
/// still skipped (there is no index to ask).
/// </summary>
internal sealed class GitIgnore
{
    private readonly GitIgnore? _parent;
    private readonly string _directory;
    private readonly IReadOnlyList<IgnorePattern> _patterns;

    private GitIgnore(GitIgnore? parent, string directory, IReadOnlyList<IgnorePattern> patterns)
    {
        _parent = parent;
        _directory = directory;
        _patterns = patterns;
    }

    /// <summary>The rules in force in <paramref name="directory"/> (a full path), read from the repository root down.</summary>
    public static GitIgnore For(string directory)
    {
        var root = RepositoryRoot(directory);
        if (root is null)
            return Empty(directory).Enter(directory);
        var ignore = new GitIgnore(null, root, ReadPatterns(Path.Combine(root, ".git", "info", "exclude")));
        var relative = Path.GetRelativePath(root, directory);
        var current = root;
        ignore = ignore.Enter(root);
        if (relative != ".")
        {
            foreach (var name in PathGlob.Split(relative))
            {
                current = Path.Combine(current, name);
                ignore = ignore.Enter(current);
            }
        }
        return ignore;
    }

    /// <summary>The folder that holds <c>.git</c> (a folder, or a file in worktrees and submodules), or null outside a repository.</summary>
    public static string? RepositoryRoot(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>The rules inside a subfolder: these plus the subfolder's own <c>.gitignore</c>, if any.</summary>
    public GitIgnore Enter(string directory)
    {
        var patterns = ReadPatterns(Path.Combine(directory, ".gitignore"));
        return patterns.Count == 0 ? this : new GitIgnore(this, directory, patterns);
    }

    /// <summary>True when the file or folder at the full path <paramref name="path"/> is ignored.</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        for (var level = this; level is not null; level = level._parent)
        {
            if (level._patterns.Count == 0)
                continue;
            var relative = Path.GetRelativePath(level._directory, path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                continue;
            var names = PathGlob.Split(relative);
            for (var i = level._patterns.Count - 1; i >= 0; i--)
            {
                var pattern = level._patterns[i];
                if (pattern.DirectoryOnly && !isDirectory)
                    continue;
                if (pattern.Glob.Matches(names))
                    return !pattern.Negated;
            }
        }
        return false;
    }

    /// <summary>Parses the text of one ignore file.</summary>
    public static IReadOnlyList<IgnorePattern> Parse(string text)
    {
        var patterns = new List<IgnorePattern>();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = TrimTrailingSpaces(rawLine);
            if (line.Length == 0 || line[0] == '#')
                continue;
            var negated = line[0] == '!';
            if (negated)
                line = line[1..];
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
                line = line[1..];
            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
                continue;
            // A slash at the start or in the middle anchors the pattern to the ignore file's folder;
            // otherwise it matches a name at any depth.
            var anchored = line.Contains('/');
            var glob = anchored ? line.TrimStart('/') : "**/" + line;
            patterns.Add(new IgnorePattern(new PathGlob(glob), negated, directoryOnly));
        }
        return patterns;
    }

    private static GitIgnore Empty(string directory) => new(null, directory, []);

    private static IReadOnlyList<IgnorePattern> ReadPatterns(string file)
    {
        try
        {
            return File.Exists(file) ? Parse(File.ReadAllText(file)) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    // Trailing spaces are ignored unless escaped with a backslash.
    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
            end--;
        return line[..end];
    }
}

/// <summary>One line of an ignore file.</summary>
internal sealed record IgnorePattern(PathGlob Glob, bool Negated, bool DirectoryOnly);
