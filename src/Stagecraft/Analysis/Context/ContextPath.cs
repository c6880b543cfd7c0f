namespace Stagecraft.Analysis.Context;

/// <summary>
/// A path being tested and its parent directory as Go's <c>filepath.Dir</c> gives it, worked out once per
/// question so each pattern can test the path and every ancestor without allocating.
/// </summary>
internal readonly ref struct ContextPath
{
    public ContextPath(ReadOnlySpan<char> path)
    {
        File = path;
        var slash = path.LastIndexOf('/');
        if (slash < 0)
            return;
        if (slash == 0)
        {
            Parent = path[..1];
            HasParent = true;
            return;
        }

        var directory = path[..slash];
        if (GoPath.IsClean(directory))
        {
            Parent = directory;
            HasParent = true;
            return;
        }
        // Rare: "a//b", "./a/b", "a/../b". Dir cleans, so the ancestors are those of the cleaned directory.
        var cleaned = GoPath.Clean(path[..(slash + 1)].ToString());
        Parent = cleaned;
        HasParent = cleaned != ".";
    }

    /// <summary>The path as given.</summary>
    public ReadOnlySpan<char> File { get; }

    /// <summary>The cleaned parent directory; its ancestors are its prefixes ending before each '/'.</summary>
    public ReadOnlySpan<char> Parent { get; }

    /// <summary>False when the parent is the context root ("."), which patterns are never tested against.</summary>
    public bool HasParent { get; }
}
