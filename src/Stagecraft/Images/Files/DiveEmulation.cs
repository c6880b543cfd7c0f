namespace Stagecraft.Images.Files;

/// <summary>
/// Reproduces dive's efficiency figures (wagoodman/dive, <c>filetree.Efficiency</c> and <c>image.Analyze</c>), including
/// what users report as its flaws, layer by layer as the index is built. See <see cref="DiveFigures"/> for the counting.
/// </summary>
/// <remarks>
/// dive builds one tree per layer from its tar entries (parents created as needed, a repeated path keeping its last
/// entry, opaque markers dropped, whiteout markers kept as <c>.wh.NAME</c> children), then visits every leaf of every
/// layer's tree. A whiteout leaf is sized against dive's stack of the layers below (the bottom layer's own tree for
/// whiteouts in the bottom layer): the deleted subtree's summed tar sizes when the stacked payload is a directory, 0
/// otherwise. A whiteout whose path is not in that stack aborts the rest of that layer's visit, and leaves the path in
/// the tally with a smallest size of -1. The stack is kept incrementally here instead of being rebuilt per whiteout;
/// dive's visiting order only matters when a lookup fails (each leaf is compared with the first failing marker),
/// when a layer both deletes and ships the same path (that subtree is sorted), and for ties in the list of
/// inefficient paths (the paths that became inefficient in the same layer are sorted).
/// </remarks>
internal sealed class DiveEmulation
{
    private readonly PathTable _paths;
    private readonly PagedList<IndexRecord> _records;
    private readonly PagedList<DiveNode> _nodes = new();
    private readonly List<int> _layerNodes = [];
    private readonly List<int> _markers = [];
    private readonly List<DiveItem> _newlyInefficient = [];
    private readonly List<int> _seen = [];
    private readonly List<long> _layerSizes = [];
    private readonly Stack<int> _work = new();
    private int _inefficientCount;

    public DiveEmulation(PathTable paths, PagedList<IndexRecord> records)
    {
        _paths = paths;
        _records = records;
    }

    public void Apply(LayerRange range)
    {
        while (_nodes.Count < _paths.Count)
            _nodes.Add(new DiveNode { FirstChild = -1, NextSibling = -1, PreviousSibling = -1 });
        _nodes[PathTable.Root].Present = true;
        var stamp = range.Layer + 1;
        _layerNodes.Clear();
        _markers.Clear();
        long size = 0;
        for (var r = range.FirstRecord; r < range.FirstRecord + range.RecordCount; r++)
        {
            var record = _records[r];
            size += record.Entry.Size;
            var path = record.Path;
            if (path == PathTable.Root)
                continue;
            ref var node = ref _nodes[path];
            switch (record.Entry.Kind)
            {
                case LayerEntryKind.Whiteout:
                    if (node.MarkerInLayer != stamp)
                    {
                        node.MarkerInLayer = stamp;
                        _markers.Add(path);
                    }
                    break;
                case LayerEntryKind.OpaqueDirectory:
                    MarkInLayer(path, stamp);
                    break;
                default:
                    MarkInLayer(path, stamp);
                    node.PayloadLayer = stamp;
                    node.PayloadRecord = r;
                    break;
            }
            MarkHasChild(_paths.Nodes[path].Parent, stamp);
        }
        _layerSizes.Add(size);

        // For the bottom layer dive looks whiteouts up in that layer's own tree, with nothing deleted yet.
        if (range.Layer == 0)
        {
            foreach (var path in _layerNodes)
                Stack(path, stamp);
        }
        VisitLeaves(stamp);
        StackLayer(stamp, alreadyStacked: range.Layer == 0);
    }

    public DiveFigures Finish()
    {
        long smallest = 0;
        long all = 0;
        long inefficientBytes = 0;
        var inefficient = new List<int>();
        foreach (var path in _seen)
        {
            ref var node = ref _nodes[path];
            smallest += node.Smallest;
            all += node.Cumulative;
            if (node.Count >= 2)
            {
                inefficient.Add(path);
                inefficientBytes += node.Cumulative;
            }
        }
        // dive sorts ascending by size and lists in reverse; for up to 12 paths its sort is stable, so ties list the
        // path that became inefficient last first.
        inefficient.SortInPlace((a, b) =>
        {
            var bySize = _nodes[b].Cumulative.CompareTo(_nodes[a].Cumulative);
            return bySize != 0 ? bySize : _nodes[b].InefficientOrder.CompareTo(_nodes[a].InefficientOrder);
        });
        var list = new DiveInefficiency[inefficient.Count];
        for (var i = 0; i < list.Length; i++)
        {
            ref var node = ref _nodes[inefficient[i]];
            list[i] = new DiveInefficiency(_paths.Nodes[inefficient[i]].Path, node.Count, node.Cumulative);
        }
        long sizeBytes = 0;
        long userSizeBytes = 0;
        for (var i = 0; i < _layerSizes.Count; i++)
        {
            sizeBytes += _layerSizes[i];
            if (i > 0)
                userSizeBytes += _layerSizes[i];
        }
        return new DiveFigures(
            SizeBytes: sizeBytes,
            UserSizeBytes: userSizeBytes,
            InefficientBytes: inefficientBytes,
            EfficiencyScore: all == 0 ? 1.0 : (double)smallest / all,
            UserWastedPercent: (double)inefficientBytes / userSizeBytes,
            LayerSizes: _layerSizes.ToArray(),
            Inefficiencies: list);
    }

    private void MarkInLayer(int path, int stamp)
    {
        ref var node = ref _nodes[path];
        if (node.InLayer == stamp)
            return;
        node.InLayer = stamp;
        _layerNodes.Add(path);
    }

    private void MarkHasChild(int path, int stamp)
    {
        while (path != PathTable.Root && _nodes[path].HasChildInLayer != stamp)
        {
            _nodes[path].HasChildInLayer = stamp;
            MarkInLayer(path, stamp);
            path = _paths.Nodes[path].Parent;
        }
    }

    private void VisitLeaves(int stamp)
    {
        _newlyInefficient.Clear();

        // dive stops the layer's visit at the first whiteout (in its order) whose path is not stacked below.
        string? stop = null;
        var stopPath = -1;
        foreach (var path in _markers)
        {
            if (_nodes[path].Present)
                continue;
            var key = DiveOrder.MarkerPath(_paths.Nodes[path].Path);
            if (stop is null || DiveOrder.Compare(key, stop) < 0)
                (stop, stopPath) = (key, path);
        }

        foreach (var path in _layerNodes)
        {
            if (_nodes[path].HasChildInLayer != stamp && (stop is null || DiveOrder.Compare(_paths.Nodes[path].Path, stop) < 0))
                Occur(new DiveItem(path, IsMarker: false), PayloadSize(path, stamp), stamp);
        }
        foreach (var path in _markers)
        {
            if (stop is null || (path != stopPath && DiveOrder.Compare(DiveOrder.MarkerPath(_paths.Nodes[path].Path), stop) < 0))
                Occur(new DiveItem(path, IsMarker: true), DeletedSize(path), stamp);
        }
        if (stopPath >= 0)
        {
            // The failed lookup still enters the path, with dive's "nothing found yet" smallest size of -1.
            ref var node = ref _nodes[stopPath];
            if (!node.Seen)
            {
                node.Seen = true;
                node.Smallest = -1;
                _seen.Add(stopPath);
            }
        }
        if (_newlyInefficient.Count > 1)
            SortInDiveOrder(_newlyInefficient);
        foreach (var item in _newlyInefficient)
            _nodes[item.Path].InefficientOrder = ++_inefficientCount;
    }

    private void Occur(DiveItem item, long bytes, int stamp)
    {
        ref var node = ref _nodes[item.Path];
        if (!node.Seen)
        {
            node.Seen = true;
            node.Smallest = -1;
            _seen.Add(item.Path);
        }
        node.Cumulative += bytes;
        if (node.Smallest < 0 || bytes < node.Smallest)
            node.Smallest = bytes;
        node.Count++;
        if (node.Count == 2)
        {
            // Both occurrences in this layer (the entry and its whiteout): the later one in dive's order counts.
            var trigger = item;
            if (node.OccurredInLayer == stamp)
            {
                var other = item with { IsMarker = !item.IsMarker };
                if (DiveOrder.Compare(Key(other), Key(item)) > 0)
                    trigger = other;
            }
            _newlyInefficient.Add(trigger);
        }
        node.OccurredInLayer = stamp;
    }

    private long PayloadSize(int path, int stamp)
    {
        ref var node = ref _nodes[path];
        return node.PayloadLayer == stamp ? _records[node.PayloadRecord].Entry.Size : 0;
    }

    /// <summary>A whiteout's bytes: the summed sizes of the stacked subtree when the stacked payload is a directory.</summary>
    private long DeletedSize(int path)
    {
        if (!_nodes[path].IsDirectory)
            return 0;
        long size = 0;
        _work.Push(path);
        while (_work.Count > 0)
        {
            ref var node = ref _nodes[_work.Pop()];
            size += node.Size;
            for (var child = node.FirstChild; child >= 0; child = _nodes[child].NextSibling)
                _work.Push(child);
        }
        return size;
    }

    /// <summary>
    /// Stacks the visited layer on dive's tree. A whiteout and an entry commute unless the entry is at or under the
    /// whiteout's path; only such subtrees (rooted at a deleted path the layer also ships) are applied in dive's order.
    /// </summary>
    private void StackLayer(int stamp, bool alreadyStacked)
    {
        var conflicts = false;
        foreach (var path in _markers)
        {
            if (_nodes[path].InLayer == stamp)
            {
                _nodes[path].ConflictInLayer = stamp;
                conflicts = true;
            }
        }
        List<DiveItem>? ordered = null;
        foreach (var path in _markers)
        {
            if (conflicts && InConflict(path, stamp))
                (ordered ??= []).Add(new DiveItem(path, IsMarker: true));
            else
                Unstack(path);
        }
        // The bottom layer is already stacked (as dive's copy of it); stacking it on that copy again changes nothing.
        foreach (var path in _layerNodes)
        {
            if (conflicts && InConflict(path, stamp))
                (ordered ??= []).Add(new DiveItem(path, IsMarker: false));
            else if (!alreadyStacked)
                Stack(path, stamp);
        }
        if (ordered is null)
            return;
        SortInDiveOrder(ordered);
        foreach (var item in ordered)
        {
            if (item.IsMarker)
                Unstack(item.Path);
            else
                Stack(item.Path, stamp);
        }
    }

    /// <summary>The path is a deleted path the layer also ships, or under one (a marker belongs with the path it deletes).</summary>
    private bool InConflict(int path, int stamp)
    {
        for (var p = path; p != PathTable.Root; p = _paths.Nodes[p].Parent)
        {
            if (_nodes[p].ConflictInLayer == stamp)
                return true;
        }
        return false;
    }

    /// <summary>Puts a node of the visited layer on the stack with its payload, creating missing parents without one.</summary>
    private void Stack(int path, int stamp)
    {
        for (var p = path; !_nodes[p].Present; p = _paths.Nodes[p].Parent)
            _work.Push(p);
        while (_work.Count > 0)
        {
            var p = _work.Pop();
            ref var node = ref _nodes[p];
            ref var parent = ref _nodes[_paths.Nodes[p].Parent];
            node.Present = true;
            node.IsDirectory = false;
            node.Size = 0;
            node.PreviousSibling = -1;
            node.NextSibling = parent.FirstChild;
            if (parent.FirstChild >= 0)
                _nodes[parent.FirstChild].PreviousSibling = p;
            parent.FirstChild = p;
        }
        ref var stacked = ref _nodes[path];
        if (stacked.PayloadLayer == stamp)
        {
            var entry = _records[stacked.PayloadRecord].Entry;
            stacked.IsDirectory = entry.Kind == LayerEntryKind.Directory;
            stacked.Size = entry.Size;
        }
        else
        {
            stacked.IsDirectory = false;
            stacked.Size = 0;
        }
    }

    private void Unstack(int path)
    {
        ref var top = ref _nodes[path];
        if (!top.Present)
            return;
        if (top.PreviousSibling >= 0)
            _nodes[top.PreviousSibling].NextSibling = top.NextSibling;
        else
            _nodes[_paths.Nodes[path].Parent].FirstChild = top.NextSibling;
        if (top.NextSibling >= 0)
            _nodes[top.NextSibling].PreviousSibling = top.PreviousSibling;
        _work.Push(path);
        while (_work.Count > 0)
        {
            ref var node = ref _nodes[_work.Pop()];
            for (var child = node.FirstChild; child >= 0; child = _nodes[child].NextSibling)
                _work.Push(child);
            node.Present = false;
            node.FirstChild = node.NextSibling = node.PreviousSibling = -1;
        }
    }

    private void SortInDiveOrder(List<DiveItem> items)
    {
        var keyed = new (string Key, DiveItem Item)[items.Count];
        for (var i = 0; i < keyed.Length; i++)
            keyed[i] = (Key(items[i]), items[i]);
        Array.Sort(keyed, (x, y) => DiveOrder.Compare(x.Key, y.Key));
        for (var i = 0; i < keyed.Length; i++)
            items[i] = keyed[i].Item;
    }

    private string Key(DiveItem item) => item.IsMarker ? DiveOrder.MarkerPath(_paths.Nodes[item.Path].Path) : _paths.Nodes[item.Path].Path;

    /// <summary>A leaf or node of a layer's tree: a path, or the whiteout marker that deletes it.</summary>
    private readonly record struct DiveItem(int Path, bool IsMarker);
}
