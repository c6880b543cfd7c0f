namespace Stagecraft.Images.Files;

/// <summary>
/// Every path the layers name, each once, as a node id. Full paths are the keys, so an entry's own path string is
/// reused and finding a path is one hash of it; parents are looked up by span, so only directories no entry named
/// cost a new string.
/// </summary>
internal sealed class PathTable
{
    public const int Root = 0;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly Stack<int> _missing = new();

    public PathTable()
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Add("/", -1);
        Nodes[Root].Present = true;
        Nodes[Root].IsDirectory = true;
        Nodes[Root].Layer = -1;
    }

    public PagedList<PathNode> Nodes { get; } = new();

    public int Count => Nodes.Count;

    public int Find(ReadOnlySpan<char> path) => _idsBySpan.TryGetValue(path, out var id) ? id : -1;

    /// <summary>The node of a normalised path, creating it and any missing parent.</summary>
    /// <exception cref="ArgumentException">The path is not normalised (the image reader's contract).</exception>
    public int GetOrAdd(string path)
    {
        if (_ids.TryGetValue(path, out var id))
            return id;
        if (path.Length < 2 || path[0] != '/' || path[^1] == '/')
            throw NotNormalised(path);

        // Walk up to the deepest parent already known, then create the missing ones top down.
        var end = path.Length;
        int parent;
        while (true)
        {
            var slash = path.LastIndexOf('/', end - 1);
            var name = path.AsSpan(slash + 1, end - slash - 1);
            if (name.IsEmpty || name is "." or "..")
                throw NotNormalised(path);
            _missing.Push(end);
            if (slash == 0)
            {
                parent = Root;
                break;
            }
            if (_idsBySpan.TryGetValue(path.AsSpan(0, slash), out parent))
                break;
            end = slash;
        }
        while (_missing.Count > 0)
        {
            var cut = _missing.Pop();
            parent = Add(cut == path.Length ? path : path[..cut], parent);
        }
        return parent;
    }

    private int Add(string path, int parent)
    {
        var id = Nodes.Add(PathNode.Create(path, parent));
        _ids.Add(path, id);
        return id;
    }

    private static ArgumentException NotNormalised(string path) =>
        new($"Layer entry path '{path}' is not normalised ('/'-rooted, no empty, '.' or '..' segment, no trailing '/').", nameof(path));
}
