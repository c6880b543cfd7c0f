namespace Stagecraft.Images.Files;

/// <summary>
/// The merged filesystem of an image, built from its layers' entries: every path with the entries each layer holds
/// for it, the final tree after whiteouts, opaque directories, replacements and hard links, per-layer views, waste,
/// and dive's figures. Built by <see cref="FileIndexBuilder"/>; read-only afterwards, so any thread may query it.
/// </summary>
/// <remarks>
/// Merging follows the OCI image layer rules. A whiteout deletes the path and everything under it; an opaque marker
/// hides everything lower layers had in the directory; both act on the layers below only, so the same layer can ship
/// new paths there. An entry replaces whatever the path held (a directory replaced by a non-directory loses its
/// subtree; a non-directory in the way of an entry's parent becomes a directory); a directory entry over a directory
/// only changes metadata. A path a layer holds twice keeps the last entry. A hard link shares the data its target
/// (a path relative to the archive root) holds when the link is applied, so the data is counted once and lives
/// while any path holds it — deleting the original leaves it reachable through its links.
/// </remarks>
public sealed class FileIndex
{
    // rwxr-xr-x, what a tar extractor gives a directory it has to create for a path below it.
    private const int ImpliedDirectoryMode = 0b111_101_101;

    private readonly MergedFilesystem _merged;
    private readonly int[] _preorder;
    private readonly int[] _subtreeEnd;
    private readonly LayerFileSummary[] _layers;
    private readonly ReclaimableFile[] _reclaimable;

    internal FileIndex(MergedFilesystem merged, DiveFigures dive)
    {
        _merged = merged;
        DiveCompatible = dive;
        (_preorder, _subtreeEnd) = Walk();
        _reclaimable = new ReclaimableFile[merged.Reclaimed.Count];
        for (var i = 0; i < _reclaimable.Length; i++)
        {
            var r = merged.Reclaimed[i];
            _reclaimable[i] = new ReclaimableFile(Nodes[r.Origin].Path, r.ShippedIn, r.ObsoletedIn, r.Size, r.Reason);
            ReclaimableBytes += r.Size;
        }
        _layers = SummariseLayers();
    }

    /// <summary>Builds the index of layers given bottom first.</summary>
    public static FileIndex Build(IEnumerable<IReadOnlyList<LayerEntry>> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var builder = new FileIndexBuilder();
        foreach (var layer in layers)
            builder.AddLayer(layer);
        return builder.Build();
    }

    private PagedList<PathNode> Nodes => _merged.Paths.Nodes;

    public int LayerCount => _merged.Layers.Count;

    /// <summary>Bytes of file data in the merged filesystem: regular files, each hard-linked file once.</summary>
    public long TotalSize => _merged.LiveBytes;

    /// <summary>Paths in the merged filesystem that are not directories (files, links, devices, fifos).</summary>
    public int FileCount { get; private set; }

    /// <summary>Directories in the merged filesystem, the root excluded.</summary>
    public int DirectoryCount { get; private set; }

    /// <summary>Each layer's figures, bottom layer first.</summary>
    public IReadOnlyList<LayerFileSummary> Layers => _layers;

    /// <summary>
    /// What a rebuild could really save: bytes of file data an image ships but that never reach its final filesystem.
    /// A copy counts when a later layer overwrites its path (new content, another type, or only new metadata — a
    /// chmod, chown or touch ships the whole file again, and the lower copy is dead weight), deletes it with a whiteout
    /// (of the path or a directory above it), hides it under an opaque directory, replaces a directory above it with a
    /// non-directory, or when the same layer ships the path again (the earlier copy is never seen). The surviving copy
    /// never counts. Hard links share data: bytes count once, and only when the last path holding them goes (a link
    /// entry itself ships no data). Directories, symbolic links, devices, fifos and markers carry no data and count 0;
    /// so do metadata-only changes to them. Equals the sum of all layers' sizes minus <see cref="TotalSize"/>.
    /// </summary>
    public long ReclaimableBytes { get; }

    /// <summary>Every dead copy behind <see cref="ReclaimableBytes"/>, in the order the layers made them unreachable.</summary>
    public IReadOnlyList<ReclaimableFile> ReclaimableFiles => _reclaimable;

    /// <summary>dive's efficiency score, inefficient bytes and user-wasted percent, counted exactly as dive counts them.</summary>
    public DiveFigures DiveCompatible { get; }

    /// <summary>Unusual entries met while merging (at most the first 1,000; <see cref="NoteCount"/> has them all).</summary>
    public IReadOnlyList<FileIndexNote> Notes => _merged.Notes;

    public int NoteCount => _merged.NoteCount;

    /// <summary>The path in the merged filesystem, or null when it is not there. A trailing '/' is ignored.</summary>
    public IndexedFile? Find(string path)
    {
        var id = Lookup(path);
        return id >= 0 && Nodes[id].Present ? Describe(id) : null;
    }

    /// <summary>
    /// The entry that put the path in the merged filesystem, or null when the path is not there. A directory no layer
    /// named (only implied by the paths under it) gets a plain directory entry owned by root.
    /// </summary>
    public LayerEntry? EntryAt(string path)
    {
        var id = Lookup(path);
        return id >= 0 && Nodes[id].Present ? EntryOf(id) : null;
    }

    /// <summary>The entry of every path of the merged filesystem, the root excluded, in the order of <see cref="EnumerateFiles"/>.</summary>
    /// <remarks>Cheaper than <see cref="EnumerateFiles"/> when only the entries are needed: nothing is allocated per path.</remarks>
    public IEnumerable<LayerEntry> EnumerateEntries()
    {
        for (var i = 1; i < _preorder.Length; i++)
            yield return EntryOf(_preorder[i]);
    }

    /// <summary>Every entry the layers hold for the path (whiteouts and opaque markers included), bottom layer first.</summary>
    public IReadOnlyList<PathVersion> History(string path)
    {
        var id = Lookup(path);
        if (id < 0)
            return [];
        var versions = new List<PathVersion>();
        for (var r = Nodes[id].LastRecord; r >= 0; r = _merged.Records[r].PreviousForPath)
            versions.Add(new PathVersion(_merged.Records[r].Layer, _merged.Records[r].Entry));
        versions.Reverse();
        return versions;
    }

    /// <summary>The paths of the merged filesystem, the root excluded, each directory before what is under it (siblings in no set order).</summary>
    public IEnumerable<IndexedFile> EnumerateFiles() => EnumerateRange(1, _preorder.Length);

    /// <summary>The paths under a directory of the merged filesystem (not the directory itself); empty when it is not there.</summary>
    public IEnumerable<IndexedFile> EnumerateUnder(string directory)
    {
        var id = Lookup(directory);
        if (id < 0 || !Nodes[id].Present)
            return [];
        var position = Nodes[id].Position;
        return EnumerateRange(position + 1, _subtreeEnd[position]);
    }

    /// <summary>What the layer added, changed and removed, by path (ordinal order).</summary>
    public IReadOnlyList<PathChange> ChangesIn(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, LayerCount);
        var range = _merged.Layers[layer];
        var changes = new PathChange[range.ChangeCount];
        for (var i = 0; i < changes.Length; i++)
        {
            var change = _merged.Changes[range.FirstChange + i];
            var record = change.Kind == PathChangeKind.Removed ? change.RecordBefore : change.RecordAfter;
            var entry = record >= 0 ? _merged.Records[record].Entry : null;
            changes[i] = new PathChange(
                Nodes[change.Path].Path,
                change.Kind,
                entry?.Kind ?? LayerEntryKind.Directory,
                entry?.Size ?? 0,
                change.Kind == PathChangeKind.Removed ? null : entry);
        }
        Array.Sort(changes, (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    /// <summary>The largest files, each file's data once (at its original path while that holds it, else at one of its hard links); ties by path.</summary>
    public IReadOnlyList<IndexedFile> LargestFiles(int top) =>
        Largest(top, id => Nodes[id].Content >= 0 && _merged.Contents[Nodes[id].Content].Representative == id, id => _merged.Contents[Nodes[id].Content].Size);

    /// <summary>The largest directories by merged subtree size (the root excluded); ties by path.</summary>
    public IReadOnlyList<IndexedFile> LargestDirectories(int top) =>
        Largest(top, id => id != PathTable.Root && Nodes[id].IsDirectory, id => Nodes[id].SubtreeSize);

    /// <summary>Regular files and hard links with the setuid (0o4000) or setgid (0o2000) bit, by path (ordinal order).</summary>
    public IReadOnlyList<IndexedFile> SetuidSetgidFiles()
    {
        var found = new List<IndexedFile>();
        foreach (var id in _preorder)
        {
            ref var node = ref Nodes[id];
            if (node.Current < 0)
                continue;
            var entry = _merged.Records[node.Current].Entry;
            if (entry.Kind is LayerEntryKind.File or LayerEntryKind.Hardlink && (entry.Mode & 0b110_000_000_000) != 0)
                found.Add(Describe(id));
        }
        found.SortInPlace((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>The reclaimable copies summed per path where they were shipped, largest first; ties by path.</summary>
    public IReadOnlyList<ReclaimablePath> ReclaimableByPath()
    {
        var byPath = new Dictionary<string, (long Size, int Copies)>(StringComparer.Ordinal);
        foreach (var file in _reclaimable)
        {
            byPath.TryGetValue(file.Path, out var sum);
            byPath[file.Path] = (sum.Size + file.Size, sum.Copies + 1);
        }
        var list = new List<ReclaimablePath>(byPath.Count);
        foreach (var (path, sum) in byPath)
            list.Add(new ReclaimablePath(path, sum.Size, sum.Copies));
        list.SortInPlace((a, b) => a.Size != b.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    private IEnumerable<IndexedFile> EnumerateRange(int start, int end)
    {
        for (var i = start; i < end; i++)
            yield return Describe(_preorder[i]);
    }

    private IReadOnlyList<IndexedFile> Largest(int top, Func<int, bool> isCandidate, Func<int, long> sizeOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (top == 0)
            return [];
        // A min-heap of the best so far: the root is the first to drop. Larger size wins, then the smaller path.
        var heap = new PriorityQueue<int, (long Size, string Path)>(top + 1, Comparer<(long Size, string Path)>.Create((a, b) =>
            a.Size != b.Size ? a.Size.CompareTo(b.Size) : string.CompareOrdinal(b.Path, a.Path)));
        foreach (var id in _preorder)
        {
            if (!isCandidate(id))
                continue;
            heap.Enqueue(id, (sizeOf(id), Nodes[id].Path));
            if (heap.Count > top)
                heap.Dequeue();
        }
        var result = new IndexedFile[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
            result[i] = Describe(heap.Dequeue());
        return result;
    }

    private IndexedFile Describe(int id)
    {
        ref var node = ref Nodes[id];
        var entry = node.Current >= 0 ? _merged.Records[node.Current].Entry : null;
        var size = node.IsDirectory ? node.SubtreeSize : node.Content >= 0 ? _merged.Contents[node.Content].Size : 0;
        return new IndexedFile(node.Path, entry?.Kind ?? LayerEntryKind.Directory, size, entry?.Mode ?? 0, entry?.LinkTarget, node.Layer, entry);
    }

    private LayerEntry EntryOf(int id)
    {
        ref var node = ref Nodes[id];
        return node.Current >= 0
            ? _merged.Records[node.Current].Entry
            : new LayerEntry(node.Path, LayerEntryKind.Directory, 0, ImpliedDirectoryMode, 0, 0, null, DateTimeOffset.UnixEpoch);
    }

    private int Lookup(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var span = path.AsSpan();
        if (span.Length > 1 && span[^1] == '/')
            span = span[..^1];
        return _merged.Paths.Find(span);
    }

    private LayerFileSummary[] SummariseLayers()
    {
        var reclaimable = new long[LayerCount];
        var obsoleted = new long[LayerCount];
        foreach (var r in _merged.Reclaimed)
        {
            reclaimable[r.ShippedIn] += r.Size;
            obsoleted[r.ObsoletedIn] += r.Size;
        }
        var summaries = new LayerFileSummary[LayerCount];
        foreach (var range in _merged.Layers)
        {
            var files = 0;
            long size = 0;
            for (var r = range.FirstRecord; r < range.FirstRecord + range.RecordCount; r++)
            {
                var entry = _merged.Records[r].Entry;
                size += entry.Size;
                if (entry.Kind is not (LayerEntryKind.Directory or LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory))
                    files++;
            }
            int added = 0, changed = 0, removed = 0;
            long addedBytes = 0, changedBytes = 0, removedBytes = 0;
            for (var c = range.FirstChange; c < range.FirstChange + range.ChangeCount; c++)
            {
                var change = _merged.Changes[c];
                switch (change.Kind)
                {
                    case PathChangeKind.Added:
                        added++;
                        addedBytes += SizeOf(change.RecordAfter);
                        break;
                    case PathChangeKind.Changed:
                        changed++;
                        changedBytes += SizeOf(change.RecordAfter);
                        break;
                    default:
                        removed++;
                        removedBytes += SizeOf(change.RecordBefore);
                        break;
                }
            }
            summaries[range.Layer] = new LayerFileSummary(range.Layer, range.RecordCount, files, size,
                added, addedBytes, changed, changedBytes, removed, removedBytes, reclaimable[range.Layer], obsoleted[range.Layer]);
        }
        return summaries;
    }

    private long SizeOf(int record) => record >= 0 ? _merged.Records[record].Entry.Size : 0;

    /// <summary>Lists the present paths in pre-order (a subtree is a contiguous range) and counts files and directories.</summary>
    private (int[] Preorder, int[] SubtreeEnd) Walk()
    {
        var order = new List<int>();
        var stack = new Stack<int>();
        stack.Push(PathTable.Root);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            ref var node = ref Nodes[id];
            node.Position = order.Count;
            node.SubtreeSize = 0;
            order.Add(id);
            if (id != PathTable.Root)
            {
                if (node.IsDirectory)
                    DirectoryCount++;
                else
                    FileCount++;
            }
            if (node.Content >= 0)
            {
                // The original path counts the data while it holds it; otherwise the first hard link met does.
                ref var content = ref _merged.Contents[node.Content];
                if (content.Representative < 0 || content.Origin == id)
                    content.Representative = id;
            }
            for (var child = node.FirstChild; child >= 0; child = Nodes[child].NextSibling)
                stack.Push(child);
        }
        // Backwards, every path comes after all paths under it: sum data sizes and subtree ends into the parents.
        var preorder = order.ToArray();
        var subtreeEnd = new int[preorder.Length];
        for (var position = preorder.Length - 1; position >= 0; position--)
        {
            var id = preorder[position];
            ref var node = ref Nodes[id];
            if (node.Content >= 0 && _merged.Contents[node.Content].Representative == id)
                node.SubtreeSize += _merged.Contents[node.Content].Size;
            subtreeEnd[position] = Math.Max(subtreeEnd[position], position + 1);
            if (position == 0)
                continue;
            ref var parent = ref Nodes[node.Parent];
            parent.SubtreeSize += node.SubtreeSize;
            subtreeEnd[parent.Position] = Math.Max(subtreeEnd[parent.Position], subtreeEnd[position]);
        }
        return (preorder, subtreeEnd);
    }
}
