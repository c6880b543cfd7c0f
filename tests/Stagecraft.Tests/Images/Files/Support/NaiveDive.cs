using Stagecraft.Images;

namespace Stagecraft.Tests.Images.Files.Support;

/// <summary>
/// Test oracle: dive's efficiency figures computed the slow, literal way dive goes about it — a tree per layer, the
/// layers below re-stacked from scratch for every whiteout, every tree walked children-first in name order — to
/// check the index's incremental emulation on random layers. Names are ASCII here, so ordinal order is dive's order.
/// </summary>
internal static class NaiveDive
{
    public sealed record Figures(long Smallest, long Cumulative, long Inefficient, double Score, List<(string Path, int Count, long Size)> Paths);

    private sealed class Node(string name, Node? parent)
    {
        public string Name { get; } = name;
        public Node? Parent { get; } = parent;
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
        public bool IsDirectory { get; set; }
        public long Size { get; set; }
        public bool IsMarker => Name.StartsWith(".wh.", StringComparison.Ordinal);

        public string Path
        {
            get
            {
                var names = new List<string>();
                for (var n = this; n.Parent is not null; n = n.Parent)
                    names.Add(n == this && IsMarker ? n.Name[4..] : n.Name);
                names.Reverse();
                return "/" + string.Join('/', names);
            }
        }

        public Node Copy(Node? parent)
        {
            var copy = new Node(Name, parent) { IsDirectory = IsDirectory, Size = Size };
            foreach (var (name, child) in Children)
                copy.Children[name] = child.Copy(copy);
            return copy;
        }

        /// <summary>Children first, by name; stops at the first visitor failure.</summary>
        public bool Visit(Func<Node, bool> visitor, Func<Node, bool> filter)
        {
            foreach (var child in Children.Values.ToList())
            {
                if (!child.Visit(visitor, filter))
                    return false;
            }
            return Parent is null || !filter(this) || visitor(this);
        }
    }

    public static Figures Compute(IReadOnlyList<IReadOnlyList<LayerEntry>> layers)
    {
        var trees = layers.Select(Tree).ToList();
        var data = new Dictionary<string, (int Count, long Cumulative, long Smallest)>(StringComparer.Ordinal);
        var inefficientOrder = new List<string>();
        for (var k = 0; k < trees.Count; k++)
        {
            trees[k].Visit(node =>
            {
                var path = node.Path;
                if (!data.ContainsKey(path))
                    data[path] = (0, 0, -1);
                long bytes;
                if (node.IsMarker)
                {
                    var stacked = trees[0].Copy(null);
                    for (var below = 0; below < k; below++)
                        Stack(stacked, trees[below]);
                    var deleted = Find(stacked, path);
                    if (deleted is null)
                        return false;
                    bytes = 0;
                    if (deleted.IsDirectory)
                        deleted.Visit(n => { bytes += n.Size; return true; }, _ => true);
                }
                else
                {
                    bytes = node.Size;
                }
                var d = data[path];
                d = (d.Count + 1, d.Cumulative + bytes, d.Smallest < 0 || bytes < d.Smallest ? bytes : d.Smallest);
                data[path] = d;
                if (d.Count == 2)
                    inefficientOrder.Add(path);
                return true;
            }, node => node.Children.Count == 0);
        }
        var smallest = data.Values.Sum(d => d.Smallest);
        var cumulative = data.Values.Sum(d => d.Cumulative);
        var ranked = inefficientOrder.Select((path, order) => (path, order))
            .OrderByDescending(p => data[p.path].Cumulative).ThenByDescending(p => p.order)
            .Select(p => (p.path, data[p.path].Count, data[p.path].Cumulative)).ToList();
        return new Figures(smallest, cumulative, ranked.Sum(p => p.Cumulative), cumulative == 0 ? 1.0 : (double)smallest / cumulative, ranked);
    }

    private static Node Tree(IReadOnlyList<LayerEntry> entries)
    {
        var root = new Node("", null);
        foreach (var entry in entries)
        {
            if (entry.Path == "/")
                continue;
            switch (entry.Kind)
            {
                case LayerEntryKind.Whiteout:
                    var slash = entry.Path.LastIndexOf('/');
                    Add(root, entry.Path[..(slash + 1)] + ".wh." + entry.Path[(slash + 1)..], (false, 0));
                    break;
                case LayerEntryKind.OpaqueDirectory:
                    Add(root, entry.Path, null);
                    break;
                default:
                    Add(root, entry.Path, (entry.Kind == LayerEntryKind.Directory, entry.Size));
                    break;
            }
        }
        return root;
    }

    /// <summary>Creates the path's missing nodes without payload; sets the payload of the last one when given.</summary>
    private static void Add(Node root, string path, (bool IsDirectory, long Size)? payload)
    {
        var node = root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!node.Children.TryGetValue(name, out var child))
                node.Children[name] = child = new Node(name, node);
            node = child;
        }
        if (payload is { } p)
        {
            node.IsDirectory = p.IsDirectory;
            node.Size = p.Size;
        }
    }

    private static void Stack(Node lower, Node upper) =>
        upper.Visit(node =>
        {
            if (node.IsMarker)
            {
                var deleted = Find(lower, node.Path);
                deleted?.Parent!.Children.Remove(deleted.Name);
            }
            else
            {
                Add(lower, node.Path, (node.IsDirectory, node.Size));
            }
            return true;
        }, _ => true);

    private static Node? Find(Node root, string path)
    {
        var node = root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!node.Children.TryGetValue(name, out node))
                return null;
        }
        return node;
    }
}
