namespace Stagecraft.Images.Facts;

/// <summary>
/// Follows symlinks inside the image the way the kernel would inside the container: absolute targets start again at the
/// image root, relative ones at the link's folder, '..' never climbs above '/', and a loop or a chain longer than 40 links ends the walk.
/// </summary>
internal sealed class ImagePaths(IImageFiles files)
{
    // Linux gives up after 40 links (ELOOP); a hostile image cannot make us walk longer.
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path <paramref name="path"/> leads to and the links met at its last component on the way
    /// (/usr/bin/cc, /etc/alternatives/cc, …); null when a component is missing or the links loop.
    /// </summary>
    public ResolvedPath? Resolve(string path, bool followLast = true)
    {
        var chain = new List<string>();
        var pending = new Stack<string>();
        PushComponents(pending, path);
        var current = "";
        var links = 0;
        while (pending.TryPop(out var component))
        {
            if (component is "" or ".")
                continue;
            if (component == "..")
            {
                current = Parent(current);
                continue;
            }
            var candidate = current + "/" + component;
            if (!files.TryGetEntry(candidate, out var entry))
                return null;
            var isLast = pending.Count == 0 || AllTrivial(pending);
            if (entry.Kind == LayerEntryKind.Symlink && entry.LinkTarget is { } target && (!isLast || followLast))
            {
                if (++links > MaxLinks)
                    return null;
                if (isLast)
                    chain.Add(candidate);
                PushComponents(pending, target);
                if (target.StartsWith('/'))
                    current = "";
                continue;
            }
            current = candidate;
        }
        return new ResolvedPath(current.Length == 0 ? "/" : current, chain);
    }

    /// <summary>The entry a path leads to after following links; hard links are followed to the entry they share data with.</summary>
    public LayerEntry? Find(string path)
    {
        if (Resolve(path) is not { } resolved || !files.TryGetEntry(resolved.RealPath, out var entry))
            return null;
        if (entry.Kind == LayerEntryKind.Hardlink && entry.LinkTarget is { } target && files.TryGetEntry(Rooted(target), out var linked))
            return linked;
        return entry;
    }

    /// <summary>The kept bytes of the file a path leads to (symlinks and hard links followed).</summary>
    public bool TryReadContent(string path, out ReadOnlyMemory<byte> content)
    {
        content = default;
        return Find(path) is { Kind: LayerEntryKind.File } entry && files.TryReadContent(entry.Path, out content);
    }

    /// <summary>A path with its folders' links followed but not its last component, so two spellings of one file compare equal (/bin/sh and /usr/bin/sh on merged-/usr systems).</summary>
    public string Canonical(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
            return path;
        var folder = Resolve(path[..slash]);
        return folder is null ? path : (folder.RealPath == "/" ? "" : folder.RealPath) + path[slash..];
    }

    /// <summary>Hard-link targets are archive paths, written without the leading '/'.</summary>
    public static string Rooted(string archivePath)
    {
        var path = archivePath;
        while (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith('/'))
            path = path[(path[0] == '.' ? 2 : 1)..];
        return "/" + path.TrimEnd('/');
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "" : path[..slash];
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
            pending.Push(parts[i]);
    }

    private static bool AllTrivial(Stack<string> pending)
    {
        foreach (var part in pending)
        {
            if (part is not ("" or "."))
                return false;
        }
        return true;
    }
}

/// <summary>Where a path really leads, and the symlinks followed at its last component, in order.</summary>
internal sealed record ResolvedPath(string RealPath, IReadOnlyList<string> Links);
