using System.Buffers.Binary;
using System.Text;

namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// The header blob rpm stores for each installed package: an index count and a data length (both 32-bit big-endian),
/// that many 16-byte index entries (tag, type, offset, count), then the data store the offsets point into.
/// Only the tags a package list needs are read.
/// </summary>
internal sealed class RpmHeader
{
    private const int TagName = 1000, TagVersion = 1001, TagRelease = 1002, TagEpoch = 1003, TagSize = 1009, TagArch = 1022;
    private const int TagDirIndexes = 1116, TagBaseNames = 1117, TagDirNames = 1118, TagLongSize = 5009;
    private const int TypeInt32 = 4, TypeInt64 = 5, TypeString = 6, TypeStringArray = 8, TypeI18nString = 9;

    // rpm itself refuses headers beyond these; a hostile blob cannot make us allocate more.
    private const int MaxEntries = 0xFFFF;
    private const int MaxData = 256 * 1024 * 1024;

    private readonly Dictionary<int, (int Type, int Offset, int Count)> _entries = [];
    private readonly byte[] _data;

    private RpmHeader(byte[] data) => _data = data;

    /// <summary>Reads the index of a header blob; null when the blob is not a well-formed header.</summary>
    public static RpmHeader? Parse(byte[] blob)
    {
        if (blob.Length < 8)
            return null;
        var count = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        if (count is < 1 or > MaxEntries || dataLength is < 0 or > MaxData || 8L + 16L * count + dataLength > blob.Length)
            return null;
        var dataStart = 8 + 16 * count;
        var header = new RpmHeader(blob[dataStart..(dataStart + dataLength)]);
        for (var i = 0; i < count; i++)
        {
            var entry = blob.AsSpan(8 + 16 * i, 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            var items = BinaryPrimitives.ReadInt32BigEndian(entry[12..]);
            if (offset < 0 || offset > dataLength || items < 0)
                return null;
            header._entries.TryAdd(tag, (type, offset, items));
        }
        return header;
    }

    public string? Name => String(TagName);
    public string? Version => String(TagVersion);
    public string? Release => String(TagRelease);
    public string? Architecture => String(TagArch);
    public long? Epoch => Integer(TagEpoch);

    /// <summary>Installed size in bytes: LONGSIZE when the package has one (over 4 GiB), else SIZE.</summary>
    public long? InstalledSize => Integer(TagLongSize) ?? Integer(TagSize);

    /// <summary>The files the package installed, rebuilt from its directory names, base names and directory indexes.</summary>
    public IEnumerable<string> FilePaths()
    {
        var baseNames = Strings(TagBaseNames);
        var dirNames = Strings(TagDirNames);
        if (!_entries.TryGetValue(TagDirIndexes, out var indexes) || indexes.Type != TypeInt32 || (long)indexes.Offset + 4L * indexes.Count > _data.Length)
            yield break;
        for (var i = 0; i < baseNames.Count && i < indexes.Count; i++)
        {
            var dir = BinaryPrimitives.ReadInt32BigEndian(_data.AsSpan(indexes.Offset + 4 * i));
            if (dir >= 0 && dir < dirNames.Count)
                yield return dirNames[dir] + baseNames[i];
        }
    }

    private string? String(int tag)
    {
        if (!_entries.TryGetValue(tag, out var entry) || entry.Type is not (TypeString or TypeI18nString or TypeStringArray) || entry.Count < 1)
            return null;
        return ReadString(entry.Offset, out _);
    }

    private List<string> Strings(int tag)
    {
        var list = new List<string>();
        if (!_entries.TryGetValue(tag, out var entry) || entry.Type != TypeStringArray)
            return list;
        var offset = entry.Offset;
        for (var i = 0; i < entry.Count && offset < _data.Length; i++)
        {
            if (ReadString(offset, out var next) is not { } value)
                break;
            list.Add(value);
            offset = next;
        }
        return list;
    }

    private long? Integer(int tag)
    {
        if (!_entries.TryGetValue(tag, out var entry) || entry.Count < 1)
            return null;
        return entry.Type switch
        {
            TypeInt32 when entry.Offset + 4 <= _data.Length => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(entry.Offset)),
            TypeInt64 when entry.Offset + 8 <= _data.Length => BinaryPrimitives.ReadInt64BigEndian(_data.AsSpan(entry.Offset)),
            _ => null,
        };
    }

    /// <summary>A NUL-terminated UTF-8 string at <paramref name="offset"/>; null when it is not terminated inside the data.</summary>
    private string? ReadString(int offset, out int next)
    {
        var end = _data.AsSpan(offset).IndexOf((byte)0);
        next = offset + end + 1;
        return end < 0 ? null : Encoding.UTF8.GetString(_data, offset, end);
    }
}
