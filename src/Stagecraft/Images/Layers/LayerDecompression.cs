using System.IO.Compression;

namespace Stagecraft.Images.Layers;

/// <summary>Recognises a layer's compression by its magic bytes and opens the matching decompressor.</summary>
internal static class LayerDecompression
{
    /// <summary>Bytes needed to tell the formats apart.</summary>
    public const int MagicLength = 6;

    /// <summary>What the first bytes say; null (with the format's name) for compressions no image layer uses.</summary>
    public static LayerCompression? Detect(ReadOnlySpan<byte> head, out string? unsupported)
    {
        unsupported = null;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
            return LayerCompression.Gzip;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]))
            return LayerCompression.Zstd;
        // A zstd skippable frame (0x184D2A50..5F, little-endian) may open a zstd stream (zstd:chunked metadata).
        if (head.Length >= 4 && (head[0] & 0xf0) == 0x50 && head[1] == 0x2a && head[2] == 0x4d && head[3] == 0x18)
            return LayerCompression.Zstd;
        if (head.StartsWith("BZh"u8))
            unsupported = "bzip2";
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
            unsupported = "xz";
        return unsupported is null ? LayerCompression.None : null;
    }

    public static Stream Open(LayerCompression compression, Stream compressed) => compression switch
    {
        LayerCompression.Gzip or LayerCompression.EStargz => new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true),
        LayerCompression.Zstd => new ZstdSharp.DecompressionStream(compressed, 0, true, true),
        _ => compressed,
    };

    /// <summary>
    /// eStargz ends with a small gzip member whose extra field carries "STARGZ"; finding it lets an eStargz layer be
    /// recognised even when its descriptor lacks the TOC annotation. Only for seekable (local) blobs.
    /// </summary>
    public static bool HasEStargzFooter(Stream blob)
    {
        const int tail = 64;
        if (!blob.CanSeek || blob.Length < tail)
            return false;
        var start = blob.Position;
        Span<byte> bytes = stackalloc byte[tail];
        blob.Seek(-tail, SeekOrigin.End);
        blob.ReadExactly(bytes);
        blob.Seek(start, SeekOrigin.Begin);
        return bytes.IndexOf("STARGZ"u8) >= 0;
    }
}
