namespace Stagecraft.Images.Files;

/// <summary>
/// Applies layers one by one the way an overlay filesystem stacks them, and remembers each layer's entries, what
/// each layer changed, and which shipped file data died on the way.
/// </summary>
/// <remarks>
/// Within a layer, whiteouts and opaque markers act on the layers below only (OCI image spec, "Whiteouts"): they are
/// applied first, then the layer's other entries in archive order, so a layer can delete a lower directory and ship a
/// new one at the same path. Every change first <see cref="Touch"/>es the path, saving its state from before the
/// layer; the touched paths become the layer's change list when the layer ends.
/// </remarks>
internal sealed class MergedFilesystem
{
    private const int MaxNotes = 1000;

    private readonly Stack<int> _work = new();
    private readonly Stack<int> _chain = new();
    private readonly List<int> _touched = [];
    private readonly List<FileIndexNote> _notes = [];
    private int _layer = -1;

    public PathTable Paths { get; } = new();
    public PagedList<IndexRecord> Records { get; } = new();
    public PagedList<FileContent> Contents { get; } = new();
    public PagedList<PathChangeRecord> Changes { get; } = new();
    public List<ReclaimRecord> Reclaimed { get; } = [];
    public List<LayerRange> Layers { get; } = [];
    public IReadOnlyList<FileIndexNote> Notes => _notes;
    public int NoteCount { get; private set; }

    /// <summary>Bytes of file data alive in the merged filesystem (hard-linked data once).</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Applies the next layer; returns its index and the range of its records.</summary>
    public LayerRange Apply(IReadOnlyList<LayerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var layer = ++_layer;
        var firstRecord = Records.Count;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Layer {layer} has a null entry at {i}.", nameof(entries));
            var path = Paths.GetOrAdd(entry.Path);
            ref var node = ref Paths.Nodes[path];
            node.LastRecord = Records.Add(new IndexRecord(entry, path, layer, node.LastRecord));
            if (entry.Kind == LayerEntryKind.Whiteout)
                Whiteout(path);
            else if (entry.Kind == LayerEntryKind.OpaqueDirectory)
                HideLowerChildren(path);
        }
        var recordEnd = Records.Count;
        for (var record = firstRecord; record < recordEnd; record++)
        {
            var kind = Records[record].Entry.Kind;
            if (kind == LayerEntryKind.OpaqueDirectory)
                EnsureDirectory(Records[record].Path);
            else if (kind != LayerEntryKind.Whiteout)
                Put(record);
        }
        var firstChange = Changes.Count;
        FinishLayer();
        var range = new LayerRange(layer, firstRecord, recordEnd - firstRecord, firstChange, Changes.Count - firstChange);
        Layers.Add(range);
        return range;
    }

    private void Whiteout(int path)
    {
        ref var node = ref Paths.Nodes[path];
        if (path == PathTable.Root)
            Note(path, FileIndexNoteKind.IgnoredRootEntry);
        else if (!node.Present)
        {
            // A second whiteout under a directory this layer already deleted has nothing left to delete, which is fine.
            if (!(node.TouchedLayer == _layer && node.PresentBefore))
                Note(path, FileIndexNoteKind.WhiteoutOfMissingPath);
        }
        else
            RemoveSubtree(path, ReclaimReason.Deleted);
    }

    private void HideLowerChildren(int path)
    {
        ref var node = ref Paths.Nodes[path];
        if (node.Present && node.IsDirectory)
            RemoveChildren(path, ReclaimReason.HiddenByOpaqueDirectory);
    }

    private void Put(int record)
    {
        var entry = Records[record].Entry;
        var path = Records[record].Path;
        ref var node = ref Paths.Nodes[path];
        var isDirectory = entry.Kind == LayerEntryKind.Directory;
        if (path == PathTable.Root)
        {
            if (isDirectory)
            {
                Touch(path);
                node.Current = record;
                node.Layer = _layer;
            }
            else
            {
                Note(path, FileIndexNoteKind.IgnoredRootEntry);
            }
            return;
        }

        EnsureDirectory(node.Parent);

        // Take the new data (a link to the present target) before letting go of the old: a hard link to itself keeps its data.
        var content = -1;
        if (entry.Kind == LayerEntryKind.File)
        {
            content = Contents.Add(new FileContent { Size = entry.Size, Layer = _layer, Origin = path, Representative = -1 });
            LiveBytes += entry.Size;
        }
        else if (entry.Kind == LayerEntryKind.Hardlink)
        {
            content = HardLinkTarget(entry.LinkTarget);
            if (content < 0)
                Note(path, FileIndexNoteKind.DanglingHardLink);
        }
        if (content >= 0)
            Contents[content].References++;

        Touch(path);
        if (node.Present)
        {
            var duplicate = node.Current >= 0 && Records[node.Current].Layer == _layer;
            if (duplicate)
                Note(path, FileIndexNoteKind.DuplicateEntry);
            if (node.IsDirectory && !isDirectory)
                RemoveChildren(path, ReclaimReason.DirectoryReplaced);
            Release(ref node, duplicate ? ReclaimReason.DuplicateInLayer : ReclaimReason.Overwritten);
        }
        else
        {
            Attach(path);
        }
        node.Current = record;
        node.Layer = _layer;
        node.IsDirectory = isDirectory;
        node.Content = content;
    }

    /// <summary>The file data a hard link shares: whatever the (archive-root-relative) target holds when the link is applied.</summary>
    private int HardLinkTarget(string? linkTarget)
    {
        if (string.IsNullOrEmpty(linkTarget))
            return -1;
        var target = Paths.Find(LinkPaths.Normalise(linkTarget));
        if (target < 0)
            return -1;
        ref var node = ref Paths.Nodes[target];
        return node.Present ? node.Content : -1;
    }

    /// <summary>Makes the path a present directory, with any missing parent; a non-directory in the way becomes a directory no entry named.</summary>
    private void EnsureDirectory(int path)
    {
        for (var p = path; !(Paths.Nodes[p].Present && Paths.Nodes[p].IsDirectory); p = Paths.Nodes[p].Parent)
            _chain.Push(p);
        while (_chain.Count > 0)
        {
            var p = _chain.Pop();
            ref var node = ref Paths.Nodes[p];
            Touch(p);
            if (node.Present)
            {
                Note(p, FileIndexNoteKind.NonDirectoryReplacedByParent);
                Release(ref node, ReclaimReason.Overwritten);
            }
            else
            {
                Attach(p);
            }
            node.Current = -1;
            node.Layer = _layer;
            node.IsDirectory = true;
        }
    }

    private void RemoveChildren(int path, ReclaimReason reason)
    {
        while (Paths.Nodes[path].FirstChild >= 0)
            RemoveSubtree(Paths.Nodes[path].FirstChild, reason);
    }

    /// <summary>Removes a present path and everything present under it; each path removed costs O(1).</summary>
    private void RemoveSubtree(int path, ReclaimReason reason)
    {
        Detach(path);
        _work.Push(path);
        while (_work.Count > 0)
        {
            var p = _work.Pop();
            ref var node = ref Paths.Nodes[p];
            for (var child = node.FirstChild; child >= 0; child = Paths.Nodes[child].NextSibling)
                _work.Push(child);
            Touch(p);
            Release(ref node, reason);
            node.Present = false;
            node.IsDirectory = false;
            node.Current = -1;
            node.FirstChild = node.NextSibling = node.PreviousSibling = -1;
        }
    }

    /// <summary>Drops the path's hold on its file data; data nobody holds any more is recorded as reclaimable.</summary>
    private void Release(ref PathNode node, ReclaimReason reason)
    {
        if (node.Content < 0)
            return;
        ref var content = ref Contents[node.Content];
        node.Content = -1;
        if (--content.References > 0)
            return;
        LiveBytes -= content.Size;
        Reclaimed.Add(new ReclaimRecord(content.Origin, content.Layer, _layer, content.Size, reason));
    }

    private void Attach(int path)
    {
        ref var node = ref Paths.Nodes[path];
        ref var parent = ref Paths.Nodes[node.Parent];
        node.Present = true;
        node.PreviousSibling = -1;
        node.NextSibling = parent.FirstChild;
        if (parent.FirstChild >= 0)
            Paths.Nodes[parent.FirstChild].PreviousSibling = path;
        parent.FirstChild = path;
    }

    private void Detach(int path)
    {
        ref var node = ref Paths.Nodes[path];
        if (node.PreviousSibling >= 0)
            Paths.Nodes[node.PreviousSibling].NextSibling = node.NextSibling;
        else
            Paths.Nodes[node.Parent].FirstChild = node.NextSibling;
        if (node.NextSibling >= 0)
            Paths.Nodes[node.NextSibling].PreviousSibling = node.PreviousSibling;
        node.NextSibling = node.PreviousSibling = -1;
    }

    private void Touch(int path)
    {
        ref var node = ref Paths.Nodes[path];
        if (node.TouchedLayer == _layer)
            return;
        node.TouchedLayer = _layer;
        node.PresentBefore = node.Present;
        node.RecordBefore = node.Present ? node.Current : -1;
        _touched.Add(path);
    }

    private void FinishLayer()
    {
        foreach (var path in _touched)
        {
            ref var node = ref Paths.Nodes[path];
            if (!node.PresentBefore && !node.Present)
                continue;
            var kind = !node.PresentBefore ? PathChangeKind.Added : node.Present ? PathChangeKind.Changed : PathChangeKind.Removed;
            Changes.Add(new PathChangeRecord(path, kind, node.RecordBefore, node.Present ? node.Current : -1));
        }
        _touched.Clear();
    }

    private void Note(int path, FileIndexNoteKind kind)
    {
        NoteCount++;
        if (_notes.Count < MaxNotes)
            _notes.Add(new FileIndexNote(_layer, Paths.Nodes[path].Path, kind));
    }
}

/// <summary>Where one layer's records and path changes sit in the index's lists.</summary>
internal readonly record struct LayerRange(int Layer, int FirstRecord, int RecordCount, int FirstChange, int ChangeCount);
