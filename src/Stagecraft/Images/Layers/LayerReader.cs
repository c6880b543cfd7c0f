using System.Formats.Tar;

namespace Stagecraft.Images.Layers;

/// <summary>
/// Reads one layer blob in a single pass: stored bytes → digest → decompression → diff id and expansion limits →
/// header guard → tar walk. Both digests are checked against what the manifest and config promised.
/// </summary>
internal static class LayerReader
{
    public static (ImageLayer Layer, IReadOnlyList<PendingHardlink> PendingHardlinks) Read(
        LayerBlob blob, LayerWalkSettings settings, ImageBudget budget, ReadProgress.LayerProgress? progress = null)
    {
        using var stored = blob.Open();
        if (blob.ExpectedSize is { } expectedSize && stored.CanSeek && stored.Length != expectedSize)
            throw new DigestMismatchException(blob.Where, $"is {stored.Length:N0} bytes but the manifest says {expectedSize:N0}");
        var eStargzFooter = LayerDecompression.HasEStargzFooter(stored);

        using var compressed = new DigestingStream(stored, blob.ExpectedDigest?.Algorithm ?? "sha256", progress: progress);
        var sniffed = SniffedStream.Sniff(compressed, LayerDecompression.MagicLength);
        var notes = new List<string>();
        var compression = DetectCompression(blob, sniffed.Head, eStargzFooter, notes);

        using var decompressed = compression == LayerCompression.None ? (Stream)sniffed : new DecompressorStream(LayerDecompression.Open(compression, sniffed));
        var meter = new ExpansionMeter(settings, budget, () => compressed.BytesRead, blob.Where);
        using var uncompressed = new DigestingStream(decompressed, blob.ExpectedDiffId?.Algorithm ?? "sha256", meter);
        var guard = new TarHeaderGuard(uncompressed, settings.MaxTarMetadataBytes, blob.Where);

        LayerWalkResult walk;
        try
        {
            using (var reader = new TarReader(guard, leaveOpen: true))
                walk = LayerTarWalk.Walk(reader, guard, blob.Where, settings, budget, compression == LayerCompression.EStargz);
            // The digests cover what follows the end marker too: padding, and eStargz's table of contents.
            uncompressed.Drain();
            compressed.Drain();
        }
        catch (Exception e) when (IsBrokenStream(e))
        {
            ThrowIfStoredDigestDiffers(blob, stored, compressed);
            throw Describe(e, blob, compression, guard);
        }

        var digest = compressed.Finish();
        var diffId = uncompressed.Finish();
        Verify(blob, digest, compressed.BytesRead, diffId);

        notes.AddRange(walk.Notes);
        var layer = new ImageLayer
        {
            Index = blob.Index,
            Digest = digest,
            DiffId = diffId,
            MediaType = blob.MediaType ?? LayerMediaTypes.ForLegacyArchive(compression),
            Compression = compression,
            CompressedSize = compressed.BytesRead,
            UncompressedSize = uncompressed.BytesRead,
            Entries = walk.Entries,
            FileBytes = walk.FileBytes,
            FileCount = walk.FileCount,
            Notes = notes,
        };
        return (layer, walk.PendingHardlinks);
    }

    /// <summary>
    /// Checks what was read against what the manifest and config promised. Sources that read a layer before they know
    /// which layer it is (a streamed <c>docker save</c>, whose manifest comes last) call this once they know.
    /// </summary>
    internal static void Verify(LayerBlob blob, BlobDigest digest, long storedBytes, BlobDigest diffId)
    {
        if (blob.ExpectedDigest is { } expectedDigest && digest != expectedDigest)
            throw new DigestMismatchException(blob.Where, $"has digest {digest} but {expectedDigest} was expected");
        if (blob.ExpectedSize is { } size && storedBytes != size)
            throw new DigestMismatchException(blob.Where, $"is {storedBytes:N0} bytes but the manifest says {size:N0}");
        if (blob.ExpectedDiffId is { } expectedDiffId && diffId != expectedDiffId)
            throw new DigestMismatchException(blob.Where, $"uncompresses to content with digest {diffId} but the config's diff id is {expectedDiffId}");
    }

    /// <summary>The bytes decide how to decompress; a media type that says otherwise is reported, not obeyed.</summary>
    private static LayerCompression DetectCompression(LayerBlob blob, ReadOnlySpan<byte> head, bool eStargzFooter, List<string> notes)
    {
        var detected = LayerDecompression.Detect(head, out var unsupported)
            ?? throw new LayerFormatException(blob.Where, $"is compressed with {unsupported}, which image layers do not use");
        if (blob.MediaType is { } mediaType)
        {
            var declared = LayerMediaTypes.DeclaredCompression(mediaType);
            if (declared is null)
                notes.Add($"media type {mediaType} is not a layer type this reader knows; read as {Name(detected)} by its first bytes");
            else if (declared != detected)
                notes.Add($"media type {mediaType} says {Name(declared.Value)} but the bytes are {Name(detected)}; read as {Name(detected)}");
        }
        var tocAnnotated = blob.Annotations?.ContainsKey(LayerMediaTypes.EStargzTocAnnotation) == true;
        return detected == LayerCompression.Gzip && (tocAnnotated || eStargzFooter) ? LayerCompression.EStargz : detected;
    }

    private static string Name(LayerCompression compression) => compression switch
    {
        LayerCompression.None => "an uncompressed tar",
        LayerCompression.Gzip => "gzip",
        LayerCompression.Zstd => "zstd",
        _ => "eStargz",
    };

    private static bool IsBrokenStream(Exception e) =>
        e is CompressedDataException or InvalidDataException or EndOfStreamException or FormatException or OverflowException or NotSupportedException;

    /// <summary>
    /// A corrupt blob usually shows first as a broken stream; when the manifest names its digest, that is the clearer
    /// message. A forward-only blob (a registry download) is read on only when the manifest also bounds its size.
    /// </summary>
    private static void ThrowIfStoredDigestDiffers(LayerBlob blob, Stream stored, DigestingStream compressed)
    {
        if (blob.ExpectedDigest is not { } expected || (!stored.CanSeek && blob.ExpectedSize is null))
            return;
        compressed.Drain();
        var actual = compressed.Finish();
        if (actual != expected)
            throw new DigestMismatchException(blob.Where, $"has digest {actual} but {expected} was expected");
    }

    private static LayerFormatException Describe(Exception e, LayerBlob blob, LayerCompression compression, TarHeaderGuard guard)
    {
        var at = $"offset {guard.LastHeaderOffset} of the uncompressed stream";
        var problem = e switch
        {
            EndOfStreamException or CompressedDataException { Truncated: true } => $"is truncated: it ends inside the entry at {at}",
            CompressedDataException => $"is not valid {Name(compression)} data ({e.Message}); the entry read last starts at {at}",
            _ => $"is not a valid tar stream: {e.Message} (the header read last starts at {at})",
        };
        return new LayerFormatException(blob.Where, problem, e);
    }
}
