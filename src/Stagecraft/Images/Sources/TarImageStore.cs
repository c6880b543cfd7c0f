using System.Formats.Tar;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// A tar archive (<c>docker save</c> output, an OCI layout packed as tar) indexed in one pass over its headers:
/// each member's data offset and length are recorded, and a blob is later read straight from that region.
/// </summary>
internal sealed class TarImageStore : ImageStore
{
    private const int MaxMembers = 1_000_000;
    private const int MaxMetadataBytes = 1 << 20;

    private readonly string _file;
    private readonly ArchiveMembers<Member> _members;

    private TarImageStore(string display, string file, ArchiveMembers<Member> members) : base(display)
    {
        _file = file;
        _members = members;
    }

    public override bool Exists(string path) => _members.Find(path, Where) is not null;

    public override long Length(string path) => Require(path).Length;

    public override Stream Open(string path)
    {
        var member = Require(path);
        return FileRegionStream.Open(_file, member.Offset, member.Length);
    }

    public static TarImageStore Index(string display, string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        RefuseCompressed(display, stream);
        var fileLength = stream.Length;
        var guard = new TarHeaderGuard(stream, MaxMetadataBytes, display);
        var members = new ArchiveMembers<Member>();
        try
        {
            using var reader = new TarReader(guard, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (members.Count >= MaxMembers)
                    throw new ImageLimitExceededException(display, $"has more than {MaxMembers:N0} members, far more than any image archive");
                var name = LayerPath.Normalize(entry.Name)
                    ?? throw new ImageFormatException(display, $"member \"{entry.Name}\" at offset {guard.LastHeaderOffset} points outside the archive");
                switch (entry.EntryType)
                {
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        var offset = entry.Length == 0 ? 0 : entry.DataOffset;
                        if (offset + entry.Length > fileLength)
                            throw new ImageFormatException(display, $"is truncated: member {name[1..]} needs {offset + entry.Length - fileLength:N0} more bytes than the file has");
                        members.Add(name, new Member(offset, entry.Length));
                        break;
                    case TarEntryType.SymbolicLink:
                        members.AddLink(name, entry.LinkName, isSymlink: true);
                        break;
                    case TarEntryType.HardLink:
                        members.AddLink(name, entry.LinkName, isSymlink: false);
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            throw new ImageFormatException(display, e is EndOfStreamException
                ? $"is truncated: it ends inside the member whose header is at offset {guard.LastHeaderOffset}"
                : $"is not a readable tar archive ({e.Message}; header at offset {guard.LastHeaderOffset})", e);
        }
        return new TarImageStore(display, file, members);
    }

    private static void RefuseCompressed(string display, Stream stream)
    {
        Span<byte> head = stackalloc byte[LayerDecompression.MagicLength];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var compression = LayerDecompression.Detect(head[..read], out var unsupported);
        if (compression is LayerCompression.None && unsupported is null)
            return;
        var kind = unsupported ?? (compression == LayerCompression.Zstd ? "zstd" : "gzip");
        throw new ImageFormatException(display, $"is {kind}-compressed; decompress it first (the archive must be a plain tar)");
    }

    private Member Require(string path) =>
        _members.Find(path, Where)?.Value ?? throw new ImageFormatException(Where(path), "is not in the archive");

    private sealed record Member(long Offset, long Length);
}
