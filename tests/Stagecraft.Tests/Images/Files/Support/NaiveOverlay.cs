using Stagecraft.Images;

namespace Stagecraft.Tests.Images.Files.Support;

/// <summary>
/// Test oracle: the merged filesystem computed the slow, obvious way — a dictionary of paths, subtrees found by prefix
/// scans — with file data reference-counted for hard links, to check the index on random layers.
/// </summary>
internal sealed class NaiveOverlay
{
    private readonly Dictionary<string, (LayerEntryKind Kind, int Content)> _paths = new(StringComparer.Ordinal) { ["/"] = (LayerEntryKind.Directory, -1) };
    private readonly List<(long Size, int Layer, int References)> _contents = [];
    private int _layer = -1;

    public List<long> ReclaimableByLayer { get; } = [];
    public List<long> ObsoletedByLayer { get; } = [];

    public long TotalSize => _contents.Where(c => c.References > 0).Sum(c => c.Size);

    /// <summary>"path kind size" lines in path order (directories without a size: where linked data counts is the index's choice).</summary>
    public string[] Tree() =>
        _paths.Where(p => p.Key != "/").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} {Short(p.Value.Kind)} {(p.Value.Kind == LayerEntryKind.Directory ? "-" : SizeOf(p.Key))}").ToArray();

    public void Apply(IReadOnlyList<LayerEntry> entries)
    {
        _layer++;
        ReclaimableByLayer.Add(0);
        ObsoletedByLayer.Add(0);
        foreach (var entry in entries)
        {
            if (entry.Kind == LayerEntryKind.Whiteout && entry.Path != "/" && _paths.ContainsKey(entry.Path))
                Remove(entry.Path, includingSelf: true);
            else if (entry.Kind == LayerEntryKind.OpaqueDirectory && _paths.TryGetValue(entry.Path, out var dir) && dir.Kind == LayerEntryKind.Directory)
                Remove(entry.Path, includingSelf: false);
        }
        foreach (var entry in entries)
        {
            if (entry.Kind == LayerEntryKind.Whiteout || entry.Path == "/")
                continue;
            if (entry.Kind == LayerEntryKind.OpaqueDirectory)
            {
                EnsureDirectories(entry.Path, includingSelf: true);
                continue;
            }
            EnsureDirectories(entry.Path, includingSelf: false);
            var content = -1;
            if (entry.Kind == LayerEntryKind.File)
            {
                _contents.Add((entry.Size, _layer, 0));
                content = _contents.Count - 1;
            }
            else if (entry.Kind == LayerEntryKind.Hardlink && _paths.TryGetValue(Rooted(entry.LinkTarget!), out var target))
            {
                content = target.Content;
            }
            if (content >= 0)
                _contents[content] = _contents[content] with { References = _contents[content].References + 1 };
            if (_paths.TryGetValue(entry.Path, out var old))
            {
                if (old.Kind == LayerEntryKind.Directory && entry.Kind != LayerEntryKind.Directory)
                    Remove(entry.Path, includingSelf: false);
                Release(old.Content);
            }
            _paths[entry.Path] = (entry.Kind, content);
        }
    }

    private void EnsureDirectories(string path, bool includingSelf)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= segments.Length - (includingSelf ? 0 : 1); i++)
        {
            var ancestor = "/" + string.Join('/', segments[..i]);
            if (_paths.TryGetValue(ancestor, out var state))
            {
                if (state.Kind == LayerEntryKind.Directory)
                    continue;
                Release(state.Content);
            }
            _paths[ancestor] = (LayerEntryKind.Directory, -1);
        }
    }

    private void Remove(string path, bool includingSelf)
    {
        var prefix = path == "/" ? "/" : path + "/";
        foreach (var key in _paths.Keys.Where(k => k != "/" && (k.StartsWith(prefix, StringComparison.Ordinal) || (includingSelf && k == path))).ToList())
        {
            Release(_paths[key].Content);
            _paths.Remove(key);
        }
    }

    private void Release(int content)
    {
        if (content < 0)
            return;
        var c = _contents[content] = _contents[content] with { References = _contents[content].References - 1 };
        if (c.References > 0)
            return;
        ReclaimableByLayer[c.Layer] += c.Size;
        ObsoletedByLayer[_layer] += c.Size;
    }

    private long SizeOf(string path) => _paths[path].Content is var content and >= 0 ? _contents[content].Size : 0;

    private static string Rooted(string target) => "/" + string.Join('/', target.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));

    private static string Short(LayerEntryKind kind) => kind switch
    {
        LayerEntryKind.File => "f",
        LayerEntryKind.Directory => "d",
        LayerEntryKind.Hardlink => "h",
        LayerEntryKind.Symlink => "l",
        _ => kind.ToString(),
    };
}
