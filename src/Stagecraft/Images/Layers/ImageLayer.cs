namespace Stagecraft.Images.Layers;

/// <summary>
/// One layer of an opened image: its sizes and digests (all verified) and every entry of its tar stream, in stream order.
/// A record so a source that reads a layer before it knows its place can set <see cref="Index"/> afterwards.
/// </summary>
public sealed record ImageLayer
{
    /// <summary>Position in the image, 0 for the bottom layer.</summary>
    public required int Index { get; init; }

    /// <summary>Digest of the stored blob as read (for an uncompressed layer it equals <see cref="DiffId"/>).</summary>
    public required BlobDigest Digest { get; init; }

    /// <summary>Digest of the uncompressed tar stream, as the config's rootfs.diff_ids lists it.</summary>
    public required BlobDigest DiffId { get; init; }

    /// <summary>The media type the manifest declares, or the Docker type matching the bytes for legacy archives.</summary>
    public required string MediaType { get; init; }

    public required LayerCompression Compression { get; init; }

    /// <summary>Bytes of the stored blob.</summary>
    public required long CompressedSize { get; init; }

    /// <summary>Bytes of the uncompressed tar stream (headers and padding included).</summary>
    public required long UncompressedSize { get; init; }

    /// <summary>The layer's entries in stream order, a duplicated path kept once (its last entry, at its first position).</summary>
    public required IReadOnlyList<LayerEntry> Entries { get; init; }

    /// <summary>The sum of the regular files' sizes (what dive calls the layer's size).</summary>
    public long FileBytes { get; init; }

    /// <summary>Regular files in the layer.</summary>
    public int FileCount { get; init; }

    /// <summary>Things worth telling the user about this layer that did not stop the read (duplicates, media type disagreements, content not kept).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
