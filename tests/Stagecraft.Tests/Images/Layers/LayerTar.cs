using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>Builds layer tar streams for tests, including hand-made headers no tar writer would produce.</summary>
internal sealed class LayerTar
{
    private readonly MemoryStream _stream = new();
    private readonly TarEntryFormat _format;
    private TarWriter? _writer;

    public LayerTar(TarEntryFormat format = TarEntryFormat.Pax)
    {
        _format = format;
    }

    private TarWriter Writer => _writer ??= new TarWriter(_stream, _format, leaveOpen: true);

    public static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public LayerTar File(string name, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100, int uid = 0, int gid = 0) =>
        File(name, Encoding.UTF8.GetBytes(content), mode, uid, gid);

    public LayerTar File(string name, byte[] content, UnixFileMode mode = (UnixFileMode)0b110_100_100, int uid = 0, int gid = 0)
    {
        var entry = Entry(TarEntryType.RegularFile, name);
        entry.Mode = mode;
        entry.Uid = uid;
        entry.Gid = gid;
        entry.DataStream = new MemoryStream(content);
        Writer.WriteEntry(entry);
        return this;
    }

    public LayerTar Directory(string name, UnixFileMode mode = (UnixFileMode)0b111_101_101)
    {
        var entry = Entry(TarEntryType.Directory, name);
        entry.Mode = mode;
        Writer.WriteEntry(entry);
        return this;
    }

    public LayerTar Symlink(string name, string target)
    {
        var entry = Entry(TarEntryType.SymbolicLink, name);
        entry.LinkName = target;
        Writer.WriteEntry(entry);
        return this;
    }

    public LayerTar Hardlink(string name, string target)
    {
        var entry = Entry(TarEntryType.HardLink, name);
        entry.LinkName = target;
        Writer.WriteEntry(entry);
        return this;
    }

    public LayerTar Fifo(string name)
    {
        Writer.WriteEntry(Entry(TarEntryType.Fifo, name));
        return this;
    }

    /// <summary>Appends bytes as they are (hand-made headers, truncated data).</summary>
    public LayerTar Raw(byte[] bytes)
    {
        _stream.Write(bytes);
        return this;
    }

    /// <summary>The tar stream, with its two end-of-archive blocks unless told otherwise.</summary>
    public byte[] Build(bool endMarker = true)
    {
        // The writer is never disposed: disposing would append end blocks the caller may not want.
        if (endMarker)
            _stream.Write(new byte[1024]);
        return _stream.ToArray();
    }

    private TarEntry Entry(TarEntryType type, string name)
    {
        TarEntry entry = _format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, name),
            TarEntryFormat.Ustar => new UstarTarEntry(type, name),
            TarEntryFormat.V7 => new V7TarEntry(type == TarEntryType.RegularFile ? TarEntryType.V7RegularFile : type, name),
            _ => new PaxTarEntry(type, name),
        };
        entry.ModificationTime = Time;
        return entry;
    }

    /// <summary>A ustar header block with a valid checksum, for entries no writer would make.</summary>
    public static byte[] Header(string name, char type, long size, string linkName = "")
    {
        var block = new byte[512];
        Encoding.UTF8.GetBytes(name).AsSpan(0, Math.Min(100, Encoding.UTF8.GetByteCount(name))).CopyTo(block);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(block, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(block, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(block, 116);
        if (size < 8L << 30)
        {
            Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(block, 124);
        }
        else
        {
            block[124] = 0x80;
            for (var i = 0; i < 8; i++)
                block[135 - i] = (byte)(size >> (8 * i));
        }
        Encoding.ASCII.GetBytes("14610000000\0").CopyTo(block, 136);
        block[156] = (byte)type;
        Encoding.UTF8.GetBytes(linkName).CopyTo(block, 157);
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(block, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(block, 263);
        for (var i = 148; i < 156; i++)
            block[i] = (byte)' ';
        var sum = 0;
        foreach (var b in block)
            sum += b;
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(block, 148);
        return block;
    }

    /// <summary>Data padded to whole 512-byte blocks.</summary>
    public static byte[] Padded(byte[] data)
    {
        var padded = new byte[(data.Length + 511) / 512 * 512];
        data.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>A PAX record "LEN key=value\n".</summary>
    public static string PaxRecord(string key, string value)
    {
        var body = " " + key + "=" + value + "\n";
        var length = body.Length + 1;
        while ((length.ToString(System.Globalization.CultureInfo.InvariantCulture) + body).Length != length)
            length++;
        return length.ToString(System.Globalization.CultureInfo.InvariantCulture) + body;
    }

    public static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Fastest)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        var output = new MemoryStream();
        using (var zstd = new ZstdSharp.CompressionStream(output, 3, leaveOpen: true))
            zstd.Write(data);
        return output.ToArray();
    }

    public static string Sha256(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
}
