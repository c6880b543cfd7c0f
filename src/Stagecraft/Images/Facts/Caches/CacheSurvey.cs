namespace Stagecraft.Images.Facts.Caches;

/// <summary>
/// Sums the regular files under each known cache location, and under every <c>__pycache__</c> folder, in the single pass
/// over the image. Each file counts once, for the deepest location holding it (composer's /tmp/cache before /tmp).
/// </summary>
internal sealed class CacheSurvey : IEntryObserver
{
    private const string PythonBytecode = "__pycache__";

    private readonly Dictionary<string, CacheLocation> _absolute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CacheLocation> _homeRelative = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CacheLocation>.AlternateLookup<ReadOnlySpan<char>> _absoluteLookup;
    private readonly Dictionary<string, CacheLocation>.AlternateLookup<ReadOnlySpan<char>> _homeLookup;
    private readonly string[] _otherHomes;
    private readonly Dictionary<string, Total> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Total>.AlternateLookup<ReadOnlySpan<char>> _foundLookup;
    private readonly HashSet<string> _bytecodeFolders = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bytecodeLookup;
    private long _bytecodeBytes;
    private int _bytecodeFiles;

    /// <param name="otherHomes">Homes from /etc/passwd besides /root and /home/*.</param>
    public CacheSurvey(IEnumerable<CacheLocation> locations, IEnumerable<string> otherHomes)
    {
        foreach (var location in locations)
        {
            if (location.Root.StartsWith("~/", StringComparison.Ordinal))
                _homeRelative.TryAdd(location.Root[1..], location);
            else
                _absolute.TryAdd(location.Root, location);
        }
        _absoluteLookup = _absolute.GetAlternateLookup<ReadOnlySpan<char>>();
        _homeLookup = _homeRelative.GetAlternateLookup<ReadOnlySpan<char>>();
        _otherHomes = [.. otherHomes];
        _foundLookup = _found.GetAlternateLookup<ReadOnlySpan<char>>();
        _bytecodeLookup = _bytecodeFolders.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Observe(LayerEntry entry)
    {
        if (entry.Kind != LayerEntryKind.File)
            return;
        var path = entry.Path;
        var home = HomeLength(path);
        // Walk the folders holding the file, deepest first, looking each up without allocating.
        for (var end = path.LastIndexOf('/'); end > 0; end = path.LastIndexOf('/', end - 1))
        {
            var folder = path.AsSpan(0, end);
            if (folder[(folder.LastIndexOf('/') + 1)..].SequenceEqual(PythonBytecode))
            {
                _bytecodeLookup.Add(folder);
                _bytecodeBytes += entry.Size;
                _bytecodeFiles++;
                return;
            }
            if (_absoluteLookup.TryGetValue(folder, out var location) || (home > 0 && end > home && _homeLookup.TryGetValue(folder[home..], out location)))
            {
                if (!_foundLookup.TryGetValue(folder, out var total))
                    _found.Add(folder.ToString(), total = new Total(location));
                total.Bytes += entry.Size;
                total.Files++;
                return;
            }
        }
    }

    /// <summary>The length of the home folder <paramref name="path"/> is in (/root, /home/NAME or a passwd home), or 0.</summary>
    private int HomeLength(string path)
    {
        if (path.StartsWith("/root/", StringComparison.Ordinal))
            return "/root".Length;
        if (path.StartsWith("/home/", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', "/home/".Length);
            return slash > 0 ? slash : 0;
        }
        foreach (var home in _otherHomes)
        {
            if (path.Length > home.Length && path[home.Length] == '/' && path.StartsWith(home, StringComparison.Ordinal))
                return home.Length;
        }
        return 0;
    }

    /// <summary>Every location holding at least one byte, largest first.</summary>
    public List<CacheUsage> Results()
    {
        var results = _found
            .Where(f => f.Value.Bytes > 0)
            .Select(f => new CacheUsage(f.Value.Location.Tool, f.Value.Location.Location, f.Key, f.Value.Bytes, f.Value.Files))
            .ToList();
        if (_bytecodeBytes > 0)
            results.Add(new CacheUsage("python", "**/" + PythonBytecode, "**/" + PythonBytecode, _bytecodeBytes, _bytecodeFiles, _bytecodeFolders.Count));
        results.SortInPlace((a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : string.CompareOrdinal(a.Path, b.Path));
        return results;
    }

    private sealed class Total(CacheLocation location)
    {
        public CacheLocation Location { get; } = location;
        public long Bytes { get; set; }
        public int Files { get; set; }
    }
}
