using System.Formats.Tar;

namespace Stagecraft.Images.Layers;

/// <summary>
/// Turns one layer's tar entries into <see cref="LayerEntry"/> records: paths normalised, whiteout markers recognised,
/// links checked, wanted files' bytes kept, and everything else the data of the stream skipped unread by the caller.
/// </summary>
internal sealed class LayerTarWalk
{
    // eStargz puts these in the tar stream for its own use; they are not part of the image's filesystem.
    private static readonly string[] EStargzBookkeeping = ["/stargz.index.json", "/.prefetch.landmark", "/.no.prefetch.landmark"];

    private readonly TarHeaderGuard _guard;
    private readonly string _where;
    private readonly LayerWalkSettings _settings;
    private readonly ImageBudget _budget;
    private readonly bool _eStargz;
    private readonly List<LayerEntry> _entries = [];
    private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly byte[] _skipBuffer = new byte[64 * 1024];

    // Markers are keyed apart from files: a layer may delete a lower path and create it again.
    private Dictionary<string, int>? _markers;
    private HashSet<string>? _symlinks;
    private List<PendingHardlink>? _pendingHardlinks;
    private int _duplicates;
    private string? _firstDuplicate;
    private int _bookkeeping;
    private string? _firstBookkeeping;

    private LayerTarWalk(TarHeaderGuard guard, string where, LayerWalkSettings settings, ImageBudget budget, bool eStargz)
    {
        _guard = guard;
        _where = where;
        _settings = settings;
        _budget = budget;
        _eStargz = eStargz;
    }

    public static LayerWalkResult Walk(TarReader reader, TarHeaderGuard guard, string where, LayerWalkSettings settings, ImageBudget budget, bool eStargz)
    {
        var walk = new LayerTarWalk(guard, where, settings, budget, eStargz);
        while (walk.Next(reader) is { } entry)
            walk.Add(entry);
        return walk.Finish();
    }

    private TarEntry? Next(TarReader reader)
    {
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (EndOfStreamException) when (_guard.AtEntryBoundary)
        {
            // Go's tar reader (and so Docker and containerd) accept a stream that stops between entries.
            return null;
        }
        catch (ArgumentException e)
        {
            // TarReader turns some out-of-range header fields (an mtime beyond year 9999) into argument errors.
            throw new LayerFormatException(_where, $"the tar header at offset {_guard.LastHeaderOffset} has a field out of range ({e.Message})", e);
        }
    }

    private void Add(TarEntry entry)
    {
        var offset = _guard.LastHeaderOffset;
        if (Classify(entry, offset) is not { } kind)
        {
            Skip(entry);
            return;
        }
        var name = entry.Name;
        if (name.Length > LayerPath.MaxLength)
            throw Unsafe($"the entry at offset {offset} has a name of {name.Length} characters, longer than any real path ({LayerPath.MaxLength})");
        var path = LayerPath.Normalize(name)
            ?? throw Unsafe($"entry \"{name}\" at offset {offset} leaves the image root");
        if (path == "/" && kind != LayerEntryKind.Directory)
            throw Unsafe($"entry \"{name}\" at offset {offset} would replace the image root with a {kind.ToString().ToLowerInvariant()}");

        var baseName = path.AsSpan(path.LastIndexOf('/') + 1);
        var isOpaqueMarker = baseName is ".wh..wh..opq";
        if (path.AsSpan(0, path.Length - (isOpaqueMarker ? baseName.Length : 0)).Contains("/.wh..wh.", StringComparison.Ordinal))
        {
            // aufs kept its own bookkeeping under this prefix (.wh..wh.plnk/, .wh..wh.aufs); it names no file.
            NoteBookkeeping(path);
            Skip(entry);
            return;
        }
        if (isOpaqueMarker)
        {
            kind = LayerEntryKind.OpaqueDirectory;
            path = LayerPath.Parent(path);
        }
        else if (baseName.StartsWith(".wh."))
        {
            var deleted = baseName[4..];
            if (deleted is "" or "." or "..")
                throw Unsafe($"whiteout \"{name}\" at offset {offset} names \"{deleted}\", not a file");
            kind = LayerEntryKind.Whiteout;
            path = LayerPath.Join(LayerPath.Parent(path), deleted);
        }
        else if (_eStargz && Array.IndexOf(EStargzBookkeeping, path) >= 0)
        {
            NoteBookkeeping(path);
            Skip(entry);
            return;
        }

        if (_symlinks is not null && WritesThroughSymlink(path, includeSelf: kind == LayerEntryKind.OpaqueDirectory) is { } link)
            throw Unsafe($"entry \"{name}\" at offset {offset} goes through {link}, a symlink earlier in this layer");
        if (!_budget.TryAddEntry())
            throw new ImageLimitExceededException(_where, $"the image has more than {_budget.MaxEntries:N0} entries (raise MaxEntries to read it)");

        string? linkTarget = null;
        if (kind == LayerEntryKind.Hardlink)
            linkTarget = CheckHardlink(entry.LinkName, path, name, offset);
        else if (kind == LayerEntryKind.Symlink)
            linkTarget = entry.LinkName;

        var size = kind == LayerEntryKind.File ? entry.Length : 0;
        ReadOnlyMemory<byte>? content = kind == LayerEntryKind.File ? KeepContent(entry, path) : null;
        if (content is null)
            Skip(entry);

        var record = new LayerEntry(path, kind, size, (int)entry.Mode, entry.Uid, entry.Gid, linkTarget, entry.ModificationTime, content);
        Store(record);
    }

    private LayerEntryKind? Classify(TarEntry entry, long offset) => entry.EntryType switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => LayerEntryKind.File,
        TarEntryType.Directory => LayerEntryKind.Directory,
        TarEntryType.SymbolicLink => LayerEntryKind.Symlink,
        TarEntryType.HardLink => LayerEntryKind.Hardlink,
        TarEntryType.CharacterDevice => LayerEntryKind.CharacterDevice,
        TarEntryType.BlockDevice => LayerEntryKind.BlockDevice,
        TarEntryType.Fifo => LayerEntryKind.Fifo,
        TarEntryType.GlobalExtendedAttributes => null,
        TarEntryType.TapeVolume or TarEntryType.DirectoryList => NoteBookkeeping(entry.Name),
        var other => throw new LayerFormatException(_where,
            $"entry \"{entry.Name}\" at offset {offset} has tar type '{(char)other}', which image layers do not use"),
    };

    private LayerEntryKind? NoteBookkeeping(string name)
    {
        if (_bookkeeping++ == 0)
            _firstBookkeeping = name;
        return null;
    }

    private string? WritesThroughSymlink(string path, bool includeSelf)
    {
        var lookup = _symlinks!.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var slash = path.IndexOf('/', 1); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (lookup.Contains(path.AsSpan(0, slash)))
                return path[..slash];
        }
        return includeSelf && _symlinks.Contains(path) ? path : null;
    }

    /// <summary>
    /// A hard link must name a plain path inside the image, and not a directory or itself. A target this layer has
    /// not shown yet is checked after all layers are read, against the layers below.
    /// </summary>
    private string CheckHardlink(string target, string path, string name, long offset)
    {
        var plain = target.AsSpan();
        while (plain.StartsWith("./") || plain.StartsWith('/'))
            plain = plain[(plain[0] == '.' ? 2 : 1)..];
        var resolved = LayerPath.Normalize(target)
            ?? throw Unsafe($"hard link \"{name}\" at offset {offset} points to \"{target}\", outside the image root");
        if (plain.IsEmpty || !resolved.AsSpan(1).SequenceEqual(plain.TrimEnd('/')))
            throw Unsafe($"hard link \"{name}\" at offset {offset} points to \"{target}\", which is not a plain path");
        if (resolved == path)
            throw Unsafe($"hard link \"{name}\" at offset {offset} points to itself");
        if (_symlinks is not null && WritesThroughSymlink(resolved, includeSelf: false) is { } link)
            throw Unsafe($"hard link \"{name}\" at offset {offset} points to \"{target}\" through {link}, a symlink earlier in this layer");
        if (_byPath.TryGetValue(resolved, out var index))
        {
            if (_entries[index].Kind == LayerEntryKind.Directory)
                throw Unsafe($"hard link \"{name}\" at offset {offset} points to the directory {resolved}");
        }
        else
        {
            (_pendingHardlinks ??= []).Add(new PendingHardlink(path, resolved, offset));
        }
        return target;
    }

    private ReadOnlyMemory<byte>? KeepContent(TarEntry entry, string path)
    {
        var size = entry.Length;
        if (_settings.ContentWanted is not { } wanted || !wanted(path, size))
            return null;
        if (size > _settings.MaxContentBytesPerFile)
        {
            _notes.Add($"did not keep the bytes of {path}: {ByteCount.Format(size)} is over the {ByteCount.Format(_settings.MaxContentBytesPerFile)} limit for one file");
            return null;
        }
        if (!_budget.TryReserveContent(size))
        {
            _notes.Add($"did not keep the bytes of {path}: the image's budget for kept file bytes is spent");
            return null;
        }
        var bytes = GC.AllocateUninitializedArray<byte>((int)size);
        entry.DataStream?.ReadExactly(bytes);
        return bytes;
    }

    // Reading the data here in large chunks is faster than letting TarReader skip it 4 KiB at a time.
    private void Skip(TarEntry entry)
    {
        if (entry.DataStream is not { } data)
            return;
        while (data.Read(_skipBuffer) > 0)
        {
        }
    }

    private void Store(LayerEntry record)
    {
        var isMarker = record.Kind is LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory;
        var index = isMarker ? (_markers ??= new(StringComparer.Ordinal)) : _byPath;
        var key = isMarker ? (record.Kind == LayerEntryKind.Whiteout ? "w" : "o") + record.Path : record.Path;
        if (index.TryGetValue(key, out var position))
        {
            // Tar extraction lets the later entry win; the OCI spec forbids duplicates, so the user hears of it.
            if (_entries[position].Kind == LayerEntryKind.Symlink)
                _symlinks!.Remove(record.Path);
            _entries[position] = record;
            if (_duplicates++ == 0)
                _firstDuplicate = record.Path;
        }
        else
        {
            index.Add(key, _entries.Count);
            _entries.Add(record);
        }
        if (record.Kind == LayerEntryKind.Symlink)
            (_symlinks ??= new(StringComparer.Ordinal)).Add(record.Path);
    }

    private LayerWalkResult Finish()
    {
        if (!_guard.ReachedEnd)
            _notes.Add("the tar stream ends without its end-of-archive blocks");
        if (_duplicates > 0)
            _notes.Insert(0, $"{_duplicates} {(_duplicates == 1 ? "entry repeats a path" : "entries repeat a path")} already in this layer; the last one wins (first: {_firstDuplicate})");
        if (_bookkeeping > 0)
            _notes.Add($"skipped {_bookkeeping} tar {(_bookkeeping == 1 ? "entry" : "entries")} that name no file of the image (first: {_firstBookkeeping})");
        long fileBytes = 0;
        var fileCount = 0;
        foreach (var entry in _entries)
        {
            if (entry.Kind == LayerEntryKind.File)
            {
                fileBytes += entry.Size;
                fileCount++;
            }
        }
        return new LayerWalkResult(_entries, _notes, (IReadOnlyList<PendingHardlink>?)_pendingHardlinks ?? [], fileBytes, fileCount);
    }

    private UnsafeLayerEntryException Unsafe(string problem) => new(_where, problem);
}

/// <summary>A hard link whose target the layer had not shown before it; resolved against the lower layers once all are read.</summary>
internal sealed record PendingHardlink(string Path, string Target, long Offset);

/// <summary>What one layer's walk produced.</summary>
internal sealed record LayerWalkResult(
    IReadOnlyList<LayerEntry> Entries,
    IReadOnlyList<string> Notes,
    IReadOnlyList<PendingHardlink> PendingHardlinks,
    long FileBytes,
    int FileCount);
