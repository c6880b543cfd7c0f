using System.Diagnostics.CodeAnalysis;
using System.Text;
using Stagecraft.Images;
using Stagecraft.Images.Facts;

namespace Stagecraft.Tests.Images.Facts;

/// <summary>
/// A merged filesystem built in memory for the facts tests. Like the real layer walk, it keeps a file's bytes only when
/// <see cref="ImageFacts.ContentWanted"/> asks for them, so a test cannot rely on content the image reader would drop.
/// </summary>
internal sealed class InMemoryImageFiles : IImageFiles
{
    public const int FileMode = 0x1A4; // 0644
    public const int ExecutableMode = 0x1ED; // 0755

    private readonly Dictionary<string, LayerEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _content = new(StringComparer.Ordinal);

    public IEnumerable<LayerEntry> Entries => _entries.Values;

    /// <summary>How many times content was asked for, to show lookups stay few.</summary>
    public int ContentReads { get; private set; }

    public bool TryGetEntry(string path, [NotNullWhen(true)] out LayerEntry? entry) => _entries.TryGetValue(path, out entry);

    public bool TryReadContent(string path, out ReadOnlyMemory<byte> content)
    {
        ContentReads++;
        var found = _content.TryGetValue(path, out var bytes);
        content = bytes;
        return found;
    }

    public InMemoryImageFiles File(string path, string text, int mode = FileMode) => File(path, Encoding.UTF8.GetBytes(text), mode);

    public InMemoryImageFiles File(string path, byte[] bytes, int mode = FileMode, int uid = 0, int gid = 0)
    {
        Add(new LayerEntry(path, LayerEntryKind.File, bytes.Length, mode, uid, gid, null, DateTimeOffset.UnixEpoch));
        if (ImageFacts.ContentWanted(path, bytes.Length))
            _content[path] = bytes;
        return this;
    }

    /// <summary>A file whose bytes do not matter, only its size.</summary>
    public InMemoryImageFiles Sized(string path, long size, int mode = FileMode, int uid = 0, int gid = 0)
    {
        Add(new LayerEntry(path, LayerEntryKind.File, size, mode, uid, gid, null, DateTimeOffset.UnixEpoch));
        return this;
    }

    public InMemoryImageFiles Directory(string path, int mode = ExecutableMode)
    {
        Add(new LayerEntry(path, LayerEntryKind.Directory, 0, mode, 0, 0, null, DateTimeOffset.UnixEpoch));
        return this;
    }

    public InMemoryImageFiles Symlink(string path, string target)
    {
        Add(new LayerEntry(path, LayerEntryKind.Symlink, 0, 0x1FF, 0, 0, target, DateTimeOffset.UnixEpoch));
        return this;
    }

    public InMemoryImageFiles Hardlink(string path, string archiveTarget)
    {
        Add(new LayerEntry(path, LayerEntryKind.Hardlink, 0, FileMode, 0, 0, archiveTarget, DateTimeOffset.UnixEpoch));
        return this;
    }

    /// <summary>A Debian-like merged-/usr root: /bin, /sbin and /lib are links into /usr.</summary>
    public InMemoryImageFiles MergedUsr() => Directory("/usr/bin").Directory("/usr/sbin").Directory("/usr/lib")
        .Symlink("/bin", "usr/bin").Symlink("/sbin", "usr/sbin").Symlink("/lib", "usr/lib");

    private void Add(LayerEntry entry)
    {
        // Parents exist as folders, as in a real merged filesystem.
        for (var slash = entry.Path.IndexOf('/', 1); slash > 0; slash = entry.Path.IndexOf('/', slash + 1))
        {
            var parent = entry.Path[..slash];
            if (!_entries.ContainsKey(parent))
                _entries[parent] = new LayerEntry(parent, LayerEntryKind.Directory, 0, ExecutableMode, 0, 0, null, DateTimeOffset.UnixEpoch);
        }
        _entries[entry.Path] = entry;
    }
}
