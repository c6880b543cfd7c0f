namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// Answers "which package installed this file?" for a few paths (build tools, setuid files) without building a map of
/// every packaged path: the databases offer each path they list and only the wanted ones are kept.
/// </summary>
internal sealed class PackageOwners
{
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wanted;
    private readonly HashSet<string> _linkedFolders = new(StringComparer.Ordinal);
    private readonly ImagePaths _paths;

    /// <param name="wanted">Real paths (folders' links followed, see <see cref="ImagePaths.Canonical"/>).</param>
    public PackageOwners(IEnumerable<string> wanted, ImagePaths paths, IImageFiles files)
    {
        _wanted = new HashSet<string>(wanted, StringComparer.Ordinal);
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

    /// <summary>Records <paramref name="package"/> as the owner of <paramref name="path"/> when that path is wanted; the first offer wins.</summary>
    public void Offer(string path, string package)
    {
        if (path.Length < 2 || path[0] != '/')
            return;
        if (!_wanted.Contains(path))
        {
            var second = path.IndexOf('/', 1);
            if (second < 0 || !_linkedFolders.Contains(path[..second]))
                return;
            path = _paths.Canonical(path);
            if (!_wanted.Contains(path))
                return;
        }
        _owners.TryAdd(path, package);
    }

    public string? OwnerOf(string realPath) => _owners.GetValueOrDefault(realPath);
}
