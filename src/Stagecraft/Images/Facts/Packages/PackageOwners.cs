namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// Answers "which package installed this file?" for a few paths (build tools, setuid files) without building a map of
/// every packaged path: the databases offer each path they list and only the wanted ones are kept.
/// </summary>
internal sealed class PackageOwners
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wanted;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wantedLookup;
    private readonly HashSet<string> _linkedFolders = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _linkedLookup;
    private readonly ImagePaths _paths;

    /// <param name="wanted">Real paths (folders' links followed, see <see cref="ImagePaths.Canonical"/>).</param>
    public PackageOwners(IEnumerable<string> wanted, ImagePaths paths, IImageFiles files)
    {
        _wanted = new HashSet<string>(wanted, StringComparer.Ordinal);
        _wantedLookup = _wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        _linkedLookup = _linkedFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        _paths = paths;
        // Merged-/usr images have /bin → usr/bin and friends while the databases still list /bin/…; only paths under such
        // a top-level link need resolving, so the thousands of other lines are compared as they are.
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            if (files.TryGetEntry(top, out var entry) && entry.Kind == LayerEntryKind.Symlink)
                _linkedFolders.Add(top);
        }
    }

    public bool IsEmpty => _wanted.Count == 0;

    /// <summary>
    /// Records <paramref name="package"/> as the owner of <paramref name="path"/> when that path is wanted; the first offer
    /// wins. Takes a span so the hundreds of thousands of listed paths are compared without a string each.
    /// </summary>
    public void Offer(ReadOnlySpan<char> path, string package)
    {
        if (path.Length < 2 || path[0] != '/')
            return;
        if (_wantedLookup.TryGetValue(path, out var wanted))
        {
            _owners.TryAdd(wanted, package);
            return;
        }
        var second = path[1..].IndexOf('/') + 1;
        if (second <= 0 || !_linkedLookup.Contains(path[..second]))
            return;
        var canonical = _paths.Canonical(path.ToString());
        if (_wanted.Contains(canonical))
            _owners.TryAdd(canonical, package);
    }

    public string? OwnerOf(string realPath) => _owners.GetValueOrDefault(realPath);
}
